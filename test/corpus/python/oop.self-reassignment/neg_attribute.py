class Node:
    def advance(self):
        self.current = self.next
