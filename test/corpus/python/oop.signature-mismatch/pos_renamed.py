class Base:
    def resize(self, width, height):
        return width, height


class Child(Base):
    def resize(self, w, height):  # expect: oop.signature-mismatch
        return w, height
