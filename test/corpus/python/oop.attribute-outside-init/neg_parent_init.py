class Base:
    def __init__(self):
        self.state = None


class Child(Base):
    def run(self):
        self.state = "running"
