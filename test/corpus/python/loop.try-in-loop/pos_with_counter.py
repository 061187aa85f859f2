def show(n):
    i = 0
    while i < n:
        try:
            print(f"{i}")
        except OSError:  # expect: loop.try-in-loop
            print("error")
        i += 1
