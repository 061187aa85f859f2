class Widget:
    def __init__(self, size):
        self.size = size

    def size(self):  # expect: oop.method-hidden
        return 1
