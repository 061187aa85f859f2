def total(xs):
    acc = 0
    for x in xs:
        acc = acc + x
    return acc
