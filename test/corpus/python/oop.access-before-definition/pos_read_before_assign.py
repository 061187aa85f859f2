class Counter:
    def __init__(self, start):
        print(self.count)  # expect: oop.access-before-definition
        self.count = start
