class Base:
    def __init__(self):
        self.count = 0


class Child(Base):
    def __init__(self):
        print(self.count)
        self.count = 1
