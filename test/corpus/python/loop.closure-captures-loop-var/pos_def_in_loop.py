def callbacks(n):
    funcs = []
    for i in range(n):
        def show():  # expect: loop.closure-captures-loop-var
            return i * 2
        funcs.append(show)
    return funcs
