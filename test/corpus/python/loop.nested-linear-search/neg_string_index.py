def offsets(words, text: str):
    return [text.index(w) for w in words]
