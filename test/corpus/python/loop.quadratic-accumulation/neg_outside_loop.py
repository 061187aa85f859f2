def extend(a, b):
    a = a + [b]
    return a
