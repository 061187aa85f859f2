def ticks(fh, n):
    for _ in range(n):
        fh.write(".")
