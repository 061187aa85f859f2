def grid(n, cells):
    for i in range(n):
        print(cells[i])
