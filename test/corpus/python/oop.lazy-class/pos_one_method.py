class Greeter:  # expect: oop.lazy-class
    def __init__(self, name):
        self.name = name

    def greet(self):
        return f"hi {self.name}"
