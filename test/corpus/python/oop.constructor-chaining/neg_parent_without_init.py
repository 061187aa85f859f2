class Base:
    def run(self):
        return 1


class Child(Base):
    def __init__(self):
        self.x = 1
