def pairs(a, b):
    for x, y in zip(a, b):
        print(x)
