def merge(parts):
    merged = {}
    for part in parts:
        merged = {**merged, **part}  # expect: loop.quadratic-accumulation
    return merged
