def has_negative(xs, log):
    for x in xs:
        log(x)
        if x < 0:
            return True
    return False
