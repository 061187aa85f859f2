def rank(groups, weights):
    out = []
    for g in groups:
        out.append(sorted(g.items, key=lambda item: item.score * weights[g.name]))
    return out
