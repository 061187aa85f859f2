def dedupe(items):
    seen = []
    out = []
    for item in items:
        if item not in seen:  # expect: loop.linear-membership-test
            seen.append(item)
            out.append(item)
    return out
