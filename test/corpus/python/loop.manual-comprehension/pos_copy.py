def copy_all(items):
    copied = []
    for item in items:
        copied.append(item)  # expect: loop.manual-comprehension
    return copied
