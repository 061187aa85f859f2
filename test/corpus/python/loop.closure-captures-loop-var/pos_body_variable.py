def build(rows):
    actions = {}
    for row in rows:
        label = row.title()
        actions[row] = lambda: label  # expect: loop.closure-captures-loop-var
    return actions
