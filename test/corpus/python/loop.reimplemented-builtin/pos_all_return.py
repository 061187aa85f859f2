def all_valid(items):
    for item in items:  # expect: loop.reimplemented-builtin
        if not item.valid:
            return False
    return True
