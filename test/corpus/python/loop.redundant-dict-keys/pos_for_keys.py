def show(d):
    for key in d.keys():  # expect: loop.redundant-dict-keys
        print(key)
