class Animal:
    def __init__(self):
        self.legs = 4


class Dog(Animal):
    def __init__(self):
        super(Animal, self).__init__()  # expect: oop.constructor-chaining
