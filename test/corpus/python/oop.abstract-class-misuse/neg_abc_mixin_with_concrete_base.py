from abc import ABC


class Base:
    def run(self):
        return 1


class Mixed(Base, ABC):
    def extra(self):
        return 2
