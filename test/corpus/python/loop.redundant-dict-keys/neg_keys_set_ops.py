def common(a, b):
    return a.keys() & b.keys()
