def labels(pairs):
    names: list[str] = []
    for key, value in pairs:
        names.append(f"{key}={value}")  # expect: loop.manual-comprehension
    return names
