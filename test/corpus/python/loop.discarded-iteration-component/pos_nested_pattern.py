def names(pairs):
    for name, (_, _) in pairs.items():  # expect: loop.discarded-iteration-component
        print(name)
