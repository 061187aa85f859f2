def bump(rows):
    for i, row in enumerate(rows):
        rows[i] = row + 1
        print(rows[i])
