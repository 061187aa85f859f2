def check(xs):
    for x in xs:
        if x:
            return True
    return True
