class Collection:
    def __init__(self):
        self.items = []

    def add(self, item):
        self.items.append(item)


class FrozenCollection(Collection):
    def add(self, item):  # expect: oop.refused-bequest
        raise TypeError("add is not supported on a frozen collection")
