def any_empty(rows):
    for row in rows:  # expect: loop.reimplemented-builtin
        if not row:
            return True
    else:
        return False
