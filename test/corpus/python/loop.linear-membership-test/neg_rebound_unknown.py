def dedupe(items, seen):
    if seen is None:
        seen = []
    for item in items:
        if item in seen:
            continue
        seen.append(item)
