from abc import ABC


class Marker(ABC):
    pass
