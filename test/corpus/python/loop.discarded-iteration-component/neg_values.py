def show(d):
    for v in d.values():
        print(v)
