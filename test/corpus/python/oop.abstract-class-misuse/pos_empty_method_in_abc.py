from abc import ABC, abstractmethod


class Plugin(ABC):
    @abstractmethod
    def run(self):
        ...

    def setup(self):  # expect: oop.abstract-class-misuse
        pass
