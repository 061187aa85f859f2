def number(lines):
    n = 0
    for line in lines:
        print(n, line)
        n += 1  # expect: loop.manual-index
