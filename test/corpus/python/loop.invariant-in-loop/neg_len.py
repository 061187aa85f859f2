def walk(xs, ys):
    for x in xs:
        print(x, len(ys))
