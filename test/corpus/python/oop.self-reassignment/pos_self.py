class Node:
    def advance(self):
        self = self.next  # expect: oop.self-reassignment
        return self
