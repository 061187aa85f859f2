class Settings:
    def __init__(self, a, b, c):
        self.a = a
        self.b = b
        self.c = c

    def get(self, k):
        return getattr(self, k)
