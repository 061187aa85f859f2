class Account:
    def __init__(self):
        self._balance = 0

    def deposit(self, n):
        self._balance += n
