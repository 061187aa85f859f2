import abc


class Base(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def handle(self, event):
        ...


def make():
    return Base()  # expect: oop.abstract-class-misuse
