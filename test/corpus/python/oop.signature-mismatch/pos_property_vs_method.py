class Base:
    @property
    def name(self):
        return "base"


class Child(Base):
    def name(self):  # expect: oop.signature-mismatch
        return "child"
