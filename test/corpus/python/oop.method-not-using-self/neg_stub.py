class Base:
    def render(self):
        raise NotImplementedError
