def show(rows):
    for i, row in enumerate(rows):
        print(i, rows[i])  # expect: loop.redundant-index-lookup
