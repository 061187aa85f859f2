def grow(items, allowed: list):
    for i in items:
        if i not in set(allowed):
            allowed.append(i)
