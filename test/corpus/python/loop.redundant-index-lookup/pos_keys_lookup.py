def dump(settings: dict):
    for name in settings:
        print(name, settings[name])  # expect: loop.redundant-index-lookup
