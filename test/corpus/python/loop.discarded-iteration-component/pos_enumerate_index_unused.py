def show(rows):
    for i, row in enumerate(rows):  # expect: loop.discarded-iteration-component
        print(row)
