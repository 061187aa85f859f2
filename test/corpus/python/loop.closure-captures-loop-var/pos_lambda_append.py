def make_handlers(buttons):
    handlers = []
    for name in buttons:
        handlers.append(lambda: print(name))  # expect: loop.closure-captures-loop-var
    return handlers
