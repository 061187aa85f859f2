def show(d):
    for key, value in d.items():
        value = None
        print(d[key])
