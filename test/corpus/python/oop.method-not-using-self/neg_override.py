class Base:
    def render(self):
        return self.__class__.__name__


class Plain(Base):
    def render(self):
        return "plain"
