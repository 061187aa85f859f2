def make_handlers(buttons):
    handlers = []
    for name in buttons:
        handlers.append(lambda name=name: print(name))
    return handlers
