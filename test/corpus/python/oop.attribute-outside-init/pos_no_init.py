class Cache:
    def fill(self, data):
        self.data = data  # expect: oop.attribute-outside-init
