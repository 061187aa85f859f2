def names(pairs):
    for name, (value, _) in pairs.items():
        print(name, value)
