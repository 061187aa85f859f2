def check(code):
    if code not in (200, 201, 204):  # expect: loop.linear-membership-test
        raise ValueError(code)
