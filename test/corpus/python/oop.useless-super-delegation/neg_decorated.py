class Base:
    @property
    def name(self):
        return "b"


class Child(Base):
    @property
    def name(self):
        return super().name
