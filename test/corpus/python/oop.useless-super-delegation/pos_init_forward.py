class Base:
    def __init__(self, name):
        self.name = name


class Child(Base):
    def __init__(self, name):  # expect: oop.useless-super-delegation
        super().__init__(name)
