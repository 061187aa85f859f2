def show(d):
    for key in d:
        print(key)
