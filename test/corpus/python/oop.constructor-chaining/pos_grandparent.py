class Base:
    def __init__(self):
        self.ready = True


class Middle(Base):
    pass


class Leaf(Middle):
    def __init__(self):  # expect: oop.constructor-chaining
        self.leaf = True
