def smallest(xs):
    low = float("inf")
    for x in xs:  # expect: loop.reimplemented-builtin
        low = min(low, x)
    return low
