def has_negative(xs):
    for x in xs:  # expect: loop.reimplemented-builtin
        if x < 0:
            return True
    return False
