LIMIT = 10


def small(n):
    return n in [LIMIT, 20, 30]  # expect: loop.linear-membership-test
