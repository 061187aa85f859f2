def is_weekend(day):
    return day in ["sat", "sun"]  # expect: loop.linear-membership-test
