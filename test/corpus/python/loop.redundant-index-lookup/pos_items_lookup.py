def show(d):
    for key, value in d.items():
        print(key, d[key])  # expect: loop.redundant-index-lookup
