class Base:
    def handle(self, event):
        return event


def make():
    return Base()
