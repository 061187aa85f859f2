class Util:
    @classmethod
    def build(cls):
        return cls()
