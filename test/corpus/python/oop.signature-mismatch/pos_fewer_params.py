class Base:
    def save(self, path, overwrite):
        return path, overwrite


class Child(Base):
    def save(self, path):  # expect: oop.signature-mismatch
        return path
