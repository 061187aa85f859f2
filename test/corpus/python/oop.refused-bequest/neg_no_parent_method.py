class Base:
    def eat(self):
        return 1


class Child(Base):
    def fly(self):
        raise NotImplementedError
