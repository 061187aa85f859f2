def collect(groups):
    acc = []
    for g in groups:
        acc += g.items
    return acc
