# Pattern seen across the standard library (e.g. `sum([len(x) for x in parts])`): the list exists only to be summed.
def total(parts):
    return sum([len(p) for p in parts])  # expect: loop.unnecessary-materialization
