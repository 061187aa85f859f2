class Counter:
    count = 0

    def __init__(self, start):
        print(self.count)
        self.count = start
