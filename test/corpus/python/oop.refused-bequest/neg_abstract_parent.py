class Bird:
    def fly(self):
        raise NotImplementedError


class Sparrow(Bird):
    def fly(self):
        return "flap"


class Penguin(Bird):
    def fly(self):
        raise NotImplementedError
