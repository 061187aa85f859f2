def parse_all(values):
    out = []
    for v in values:
        try:
            if not v:
                continue
            out.append(int(v))
        except ValueError:
            pass
    return out
