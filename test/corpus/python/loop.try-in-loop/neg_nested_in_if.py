def load(paths, read, strict):
    for p in paths:
        if strict:
            try:
                read(p)
            except OSError:
                raise
