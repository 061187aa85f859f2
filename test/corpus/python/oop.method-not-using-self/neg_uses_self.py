class Calculator:
    def __init__(self):
        self.memory = 0

    def add(self, a):
        return self.memory + a
