from collections import namedtuple

P = namedtuple("P", "x y")


def moved(p):
    return p._replace(x=p.x + 1)
