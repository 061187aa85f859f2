class Greeter:
    def __init__(self, name):
        self.name = name

    def greet(self):
        return f"hi {self.name}"

    def bye(self):
        return f"bye {self.name}"
