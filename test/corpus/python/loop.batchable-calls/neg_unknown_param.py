def fill(xs):
    xs.append(1)
    xs.append(2)
