def sorted(xs):
    return list(xs)


def first(xs):
    return sorted(xs)[0]
