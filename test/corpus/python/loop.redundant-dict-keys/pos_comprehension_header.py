def upper_keys(d):
    return {k.upper() for k in d.keys()}  # expect: loop.redundant-dict-keys
