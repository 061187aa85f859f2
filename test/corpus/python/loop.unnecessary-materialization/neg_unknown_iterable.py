def show(gen):
    for x in list(gen):
        print(x)
