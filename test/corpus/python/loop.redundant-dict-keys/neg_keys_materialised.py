def names(d):
    return list(d.keys())
