from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...


class Square(Shape):  # expect: oop.abstract-class-misuse
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2
