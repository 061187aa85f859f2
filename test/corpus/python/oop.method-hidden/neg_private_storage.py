class Widget:
    def __init__(self, size):
        self._size = size

    def size(self):
        return self._size
