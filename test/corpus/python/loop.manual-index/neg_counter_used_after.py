def count(items):
    n = 0
    for item in items:
        print(item)
        n += 1
    return n
