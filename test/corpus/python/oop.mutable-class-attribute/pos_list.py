class Cart:
    items = []  # expect: oop.mutable-class-attribute

    def add(self, item):
        self.items.append(item)
