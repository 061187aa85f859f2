def flatten(rows):
    return sum(rows, [])  # expect: loop.quadratic-accumulation
