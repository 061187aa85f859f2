from abc import ABC, abstractmethod


class Base(ABC):
    @abstractmethod
    def render(self):
        return "x"
