def show(rows):
    for name in [r.name for r in rows]:  # expect: loop.unnecessary-materialization
        print(name)
