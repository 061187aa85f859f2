def neighbours(rows):
    for i, row in enumerate(rows):
        if i > 0:
            print(row, rows[i - 1])
