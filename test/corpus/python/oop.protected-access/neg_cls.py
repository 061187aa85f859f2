class Pool:
    _instances = {}

    @classmethod
    def get(cls, key):
        return cls._instances.get(key)
