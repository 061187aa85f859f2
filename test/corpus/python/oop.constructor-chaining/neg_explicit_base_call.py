class Base:
    def __init__(self, name):
        self.name = name


class Child(Base):
    def __init__(self, name):
        Base.__init__(self, name)
