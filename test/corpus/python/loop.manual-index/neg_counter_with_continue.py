def number(lines):
    n = 0
    for line in lines:
        if not line:
            continue
        print(n, line)
        n += 1
