def show(store):
    for k, v in store.items(prefix="a"):
        print(v)
