def known(x, source):
    return x in list(source)  # expect: loop.unnecessary-materialization
