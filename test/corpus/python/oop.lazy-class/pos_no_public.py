class Holder:  # expect: oop.lazy-class
    def __init__(self, value):
        self.value = value
