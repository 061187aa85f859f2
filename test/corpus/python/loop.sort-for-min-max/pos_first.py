def youngest(people):
    return sorted(people, key=lambda p: p.age)[0]  # expect: loop.sort-for-min-max
