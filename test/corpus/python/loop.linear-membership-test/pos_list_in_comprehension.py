BLOCKED = ["root", "admin", "nobody"]


def allowed(users):
    banned = list(BLOCKED)
    return [u for u in users if u.name not in banned]  # expect: loop.linear-membership-test
