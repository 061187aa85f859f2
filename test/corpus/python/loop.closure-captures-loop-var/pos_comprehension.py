def multipliers():
    return [lambda x: x * factor for factor in range(5)]  # expect: loop.closure-captures-loop-var
