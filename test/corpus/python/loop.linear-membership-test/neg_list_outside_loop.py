def has_admin(names):
    admins = ["root", "admin"]
    return "bob" in admins or names[0] in admins
