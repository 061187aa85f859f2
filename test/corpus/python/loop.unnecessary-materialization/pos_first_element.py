def first_key(d):
    return list(d.keys())[0]  # expect: loop.unnecessary-materialization
