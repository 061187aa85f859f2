class Registry:
    @staticmethod
    def key(name):
        return name.lower()

    @classmethod
    def create(cls):
        return cls()
