class Base:
    def __init__(self):
        pass


class Child(Base):
    def __init__(self):
        self.x = 1
