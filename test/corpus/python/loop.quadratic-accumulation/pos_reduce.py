import functools
import operator


def flatten(rows):
    return functools.reduce(operator.add, rows, [])  # expect: loop.quadratic-accumulation
