def argmax(xs):
    best = xs[0]
    best_i = 0
    for i, x in enumerate(xs):
        if x > best:
            best = x
            best_i = i
    return best_i
