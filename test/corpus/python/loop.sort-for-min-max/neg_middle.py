def median(xs):
    return sorted(xs)[len(xs) // 2]
