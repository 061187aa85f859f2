def same_keys(a, b):
    return a.keys() == b.keys()
