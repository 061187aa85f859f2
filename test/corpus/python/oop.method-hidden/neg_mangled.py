class Parent:
    def __init__(self):
        self.__private = None


class Child(Parent):
    def __private(self):
        return 1
