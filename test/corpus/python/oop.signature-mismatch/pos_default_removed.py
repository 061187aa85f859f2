class Base:
    def render(self, indent=0):
        return indent


class Child(Base):
    def render(self, indent):  # expect: oop.signature-mismatch
        return indent
