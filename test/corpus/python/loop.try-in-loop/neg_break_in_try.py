def ask(read):
    while True:
        try:
            value = int(read())
            break
        except ValueError:
            print("again")
    return value
