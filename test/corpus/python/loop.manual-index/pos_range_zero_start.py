def flags(bits):
    out = []
    for k in range(0, len(bits)):  # expect: loop.manual-index
        out.append(bits[k] == 1)
    return out
