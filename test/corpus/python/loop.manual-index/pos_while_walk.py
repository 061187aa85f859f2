def show(items):
    i = 0
    while i < len(items):  # expect: loop.manual-index
        print(items[i])
        i += 1
