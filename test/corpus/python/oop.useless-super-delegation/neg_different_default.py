class Base:
    def save(self, path, mode="w"):
        return path, mode


class Child(Base):
    def save(self, path, mode="a"):
        return super().save(path, mode)
