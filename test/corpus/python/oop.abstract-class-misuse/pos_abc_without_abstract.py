from abc import ABC


class Repository(ABC):  # expect: oop.abstract-class-misuse
    def save(self, item):
        raise RuntimeError("override me")

    def load(self, key):
        return None
