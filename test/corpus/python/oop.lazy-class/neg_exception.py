class ConfigError(Exception):
    def __init__(self, key):
        super().__init__(key)
        self.key = key
