def make(n, base):
    return [lambda x: x + base for _ in range(n)]
