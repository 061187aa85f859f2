def collect(groups):
    acc = []
    for g in groups:
        acc = [*acc, g]  # expect: loop.quadratic-accumulation
    return acc
