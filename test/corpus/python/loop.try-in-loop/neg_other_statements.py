def parse_all(values, log):
    for v in values:
        log(v)
        try:
            int(v)
        except ValueError:
            pass
