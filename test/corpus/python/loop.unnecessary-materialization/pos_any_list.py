def has_big(xs):
    return any([x > 10 for x in xs])  # expect: loop.unnecessary-materialization
