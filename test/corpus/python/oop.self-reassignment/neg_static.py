class Util:
    @staticmethod
    def f(self):
        self = 1
        return self
