class Mutable:
    __hash__ = None

    def __eq__(self, other):
        return True
