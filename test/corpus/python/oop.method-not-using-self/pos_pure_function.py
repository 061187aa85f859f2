class Calculator:
    def __init__(self):
        self.memory = 0

    def add(self, a, b):  # expect: oop.method-not-using-self
        return a + b

    def recall(self):
        return self.memory
