def doubled(d):
    return [d[k] * 2 for k, v in d.items()]  # expect: loop.redundant-index-lookup
