def total(prices):
    s = 0
    for i in range(len(prices)):  # expect: loop.manual-index
        s += prices[i]
    return s
