def top(scores):
    return sorted(scores)[-1]  # expect: loop.sort-for-min-max
