def dedupe(items):
    seen = set()
    for item in items:
        if item not in seen:
            seen.add(item)
    return seen
