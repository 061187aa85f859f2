def show(names):
    items = ["a", "b"] + names
    for n in list(items):  # expect: loop.unnecessary-materialization
        print(n)
