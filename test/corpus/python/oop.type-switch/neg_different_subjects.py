from shapes import Circle, Square, Triangle


def f(a, b, c):
    if isinstance(a, Circle):
        return 1
    elif isinstance(b, Square):
        return 2
    elif isinstance(c, Triangle):
        return 3
