class Base:
    def __init__(self, name):
        self.name = name


class Child(Base):
    def __init__(self, name, age):  # expect: oop.constructor-chaining
        self.age = age
