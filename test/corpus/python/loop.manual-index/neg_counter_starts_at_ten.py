def label(items):
    idx = 10
    for item in items:
        print(idx, item)
        idx += 1
