def collect(groups):
    acc = []
    for g in groups:
        acc += [g.name]
    return acc
