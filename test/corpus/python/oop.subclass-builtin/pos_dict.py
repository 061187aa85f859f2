class Config(dict):  # expect: oop.subclass-builtin
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)
