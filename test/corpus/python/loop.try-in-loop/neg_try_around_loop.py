def parse_all(values):
    try:
        return [int(v) for v in values]
    except ValueError:
        return []
