def filter_allowed(items, allowed):
    return [i for i in items if i in set(allowed)]  # expect: loop.invariant-in-loop
