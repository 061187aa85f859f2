def pick(x, a, b):
    return x in [a, b]
