class Factory:
    @classmethod
    def make(cls, kind):
        if kind:
            cls = kind  # expect: oop.self-reassignment
        return cls()
