def biggest(xs):
    best = xs[0]
    for x in xs:  # expect: loop.reimplemented-builtin
        if x > best:
            best = x
    return best
