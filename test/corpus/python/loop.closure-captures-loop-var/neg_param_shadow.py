def make(values):
    fs = []
    for v in values:
        fs.append(lambda v: v * 2)
    return fs
