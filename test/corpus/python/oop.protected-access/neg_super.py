class Base:
    def _hook(self):
        return 1


class Child(Base):
    def _hook(self):
        return super()._hook() + 1
