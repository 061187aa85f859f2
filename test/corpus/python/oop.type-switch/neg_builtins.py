def encode(value):
    if isinstance(value, int):
        return str(value)
    elif isinstance(value, str):
        return repr(value)
    elif isinstance(value, list):
        return ",".join(map(encode, value))
    return "?"
