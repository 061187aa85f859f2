def has_admin(users):
    return any({u.is_admin for u in users})  # expect: loop.unnecessary-materialization
