def collect(items):
    out = ()
    for item in items:
        out += (item,)  # expect: loop.quadratic-accumulation
    return out
