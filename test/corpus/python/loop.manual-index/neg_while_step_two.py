def pairs(items):
    i = 0
    while i < len(items):
        print(items[i], items[i + 1])
        i += 2
