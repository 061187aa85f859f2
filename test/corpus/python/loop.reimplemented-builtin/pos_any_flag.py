def contains_admin(users):
    found = False
    for u in users:  # expect: loop.reimplemented-builtin
        if u.is_admin:
            found = True
            break
    return found
