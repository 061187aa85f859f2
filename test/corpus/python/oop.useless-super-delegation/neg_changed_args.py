class Base:
    def get(self, key):
        return key


class Child(Base):
    def get(self, key):
        return super().get(key.lower())
