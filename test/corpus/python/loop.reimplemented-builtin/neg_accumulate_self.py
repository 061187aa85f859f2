def compound(rates):
    value = 1
    for r in rates:
        value += value * r
    return value
