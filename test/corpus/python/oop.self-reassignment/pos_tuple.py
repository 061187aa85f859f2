class Pair:
    def swap(self, other):
        self, other = other, self  # expect: oop.self-reassignment
        return self
