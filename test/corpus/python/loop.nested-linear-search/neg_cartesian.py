def pairs(xs, ys):
    out = []
    for x in xs:
        for y in ys:
            out.append((x, y))
    return out
