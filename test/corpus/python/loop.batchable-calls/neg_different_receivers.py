def split(xs):
    left = []
    right = []
    left.append(xs[0])
    right.append(xs[1])
    return left, right
