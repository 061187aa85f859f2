def pick(indices: list, table):
    for i in indices:
        print(table[i])
