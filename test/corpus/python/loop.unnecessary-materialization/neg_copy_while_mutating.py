def prune(items: list):
    for item in list(items):
        if item.dead:
            items.remove(item)
