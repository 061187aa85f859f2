# Pattern from the standard library's inspect.py (getfullargspec): one tuple of defaults grown in two branches of the
# same loop is one quadratic accumulator, reported once at its first `+=`.
def defaults_of(params):
    defaults = ()
    for p in params:
        if p.kind == 0:
            if p.default is not None:
                defaults += (p.default,)  # expect: loop.quadratic-accumulation
        elif p.kind == 1:
            if p.default is not None:
                defaults += (p.default,)
    return defaults
