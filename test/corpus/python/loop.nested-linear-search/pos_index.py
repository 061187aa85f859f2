def positions(names, order):
    ranking = list(order)
    return [ranking.index(n) for n in names]  # expect: loop.nested-linear-search
