def count(d):
    n = 0
    for _, _ in d.items():
        n += 1
    return n
