class Store:
    def keys(self):
        return ["a"]


def show():
    store = Store()
    for k in store.keys():
        print(k)
