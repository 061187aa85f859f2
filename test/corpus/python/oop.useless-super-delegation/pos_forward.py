class Base:
    def save(self, path, mode="w"):
        return path, mode


class Child(Base):
    def save(self, path, mode="w"):  # expect: oop.useless-super-delegation
        return super().save(path, mode)
