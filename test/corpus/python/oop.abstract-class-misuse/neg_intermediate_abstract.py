from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def name(self):
        ...


class Polygon(Shape):
    @abstractmethod
    def sides(self):
        ...

    def name(self):
        return "polygon"
