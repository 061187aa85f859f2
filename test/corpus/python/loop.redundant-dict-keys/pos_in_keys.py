def has(d, k):
    return k in d.keys()  # expect: loop.redundant-dict-keys
