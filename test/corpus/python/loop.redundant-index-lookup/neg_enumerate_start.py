def show(rows):
    for i, row in enumerate(rows, start=1):
        print(i, rows[i])
