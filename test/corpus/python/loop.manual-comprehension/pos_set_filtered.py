def big_words(words):
    found = set()
    for w in words:
        if len(w) > 8:
            found.add(w.lower())  # expect: loop.manual-comprehension
    return found
