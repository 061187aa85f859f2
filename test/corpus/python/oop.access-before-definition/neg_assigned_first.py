class Counter:
    def __init__(self, start):
        self.count = start
        print(self.count)
