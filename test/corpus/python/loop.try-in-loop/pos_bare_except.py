def load(paths, read):
    for p in paths:
        try:
            read(p)
        except:  # expect: loop.try-in-loop
            pass
