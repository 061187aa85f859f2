class Formatter:
    def format(self, value):
        return str(value)


class Upper(Formatter):
    def format(self, value):
        return str(value).upper() + self.suffix
