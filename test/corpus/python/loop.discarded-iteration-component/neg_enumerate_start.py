def numbered(rows):
    for i, _ in enumerate(rows, start=1):
        print(i)
