def names(config):
    for key, _ in config.items():  # expect: loop.discarded-iteration-component
        print(key)
