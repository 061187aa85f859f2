def collect(groups):
    acc = []
    for g in groups:
        acc = acc + [g.name]  # expect: loop.quadratic-accumulation
    return acc
