def missing(d, names):
    return [n for n in names if n not in d.keys()]  # expect: loop.redundant-dict-keys
