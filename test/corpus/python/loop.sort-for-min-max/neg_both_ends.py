def spread(xs):
    s = sorted(xs)
    return s[-1] - s[0]
