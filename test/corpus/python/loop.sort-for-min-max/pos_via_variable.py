def cheapest(prices):
    ordered = sorted(prices)  # expect: loop.sort-for-min-max
    return ordered[0]
