import sys


def caller():
    return sys._getframe(1)  # expect: oop.protected-access
