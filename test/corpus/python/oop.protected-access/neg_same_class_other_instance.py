class Money:
    def __init__(self, cents):
        self._cents = cents

    def add(self, other):
        return Money(self._cents + other._cents)
