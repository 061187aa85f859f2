def show(items):
    for i, item in enumerate(items):
        print(i, item)
