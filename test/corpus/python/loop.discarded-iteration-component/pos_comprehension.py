def values(d):
    return [v for k, v in d.items()]  # expect: loop.discarded-iteration-component
