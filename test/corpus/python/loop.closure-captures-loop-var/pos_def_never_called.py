def setup(names):
    for name in names:
        def handler():  # expect: loop.closure-captures-loop-var
            return name
