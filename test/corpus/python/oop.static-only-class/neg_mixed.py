class Helper:
    @staticmethod
    def shout(s):
        return s.upper()

    def run(self):
        return self.shout("x")
