import functools


def make(names, show):
    return [functools.partial(show, n) for n in names]
