def last(rows):
    for i, row in enumerate(rows):
        print(row)
    return i
