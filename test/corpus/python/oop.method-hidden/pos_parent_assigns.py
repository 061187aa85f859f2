class Base:
    def __init__(self):
        self.render = None


class View(Base):
    def render(self):  # expect: oop.method-hidden
        return "<div>"
