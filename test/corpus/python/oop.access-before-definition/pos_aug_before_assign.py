class Meter:
    def reset(self):
        self.total += 1  # expect: oop.access-before-definition
        self.total = 0
