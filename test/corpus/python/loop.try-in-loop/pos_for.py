def parse_all(values):
    out = []
    for v in values:
        try:
            out.append(int(v))
        except ValueError:  # expect: loop.try-in-loop
            out.append(0)
    return out
