def prune(d):
    for k in list(d):
        if d[k] is None:
            del d[k]
