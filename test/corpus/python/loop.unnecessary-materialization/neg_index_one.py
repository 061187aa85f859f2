def second(xs):
    return list(xs)[1]
