def describe(items):
    out = ""
    for k, v in items:
        out += f"{k}: {v}\n"  # expect: loop.string-concat-in-loop
    return out
