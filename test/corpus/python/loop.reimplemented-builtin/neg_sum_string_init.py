def joined(parts):
    text = ""
    for p in parts:
        text += p
    return text
