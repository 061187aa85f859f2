class Base:
    def run(self):
        return id(self)


class Child(Base):
    def go(self):
        return super().run()
