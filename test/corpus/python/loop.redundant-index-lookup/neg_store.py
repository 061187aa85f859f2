def double(d):
    for key, value in d.items():
        d[key] = value * 2
