def ordered(xs):
    return list(sorted(xs))  # expect: loop.unnecessary-materialization
