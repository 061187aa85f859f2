def windows(xs):
    for x in xs:
        row = [*xs[:1], x]
        print(row)
