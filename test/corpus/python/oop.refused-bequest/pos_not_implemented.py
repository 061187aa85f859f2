class Bird:
    def fly(self):
        return "flap"

    def eat(self):
        return "seed"


class Penguin(Bird):
    def fly(self):  # expect: oop.refused-bequest
        raise NotImplementedError("penguins cannot fly")
