def count_big(xs):
    n = 0
    for x in xs:
        if x > 10:
            n += 1
    return n
