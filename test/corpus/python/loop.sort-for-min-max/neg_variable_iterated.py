def report(prices):
    ordered = sorted(prices)
    print(ordered[0])
    for p in ordered:
        print(p)
