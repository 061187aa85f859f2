# Patterns from distlib's wheel.py (`tuple([int(i) for i in parts])`) and everyday `''.join([...])`: both consume the
# whole sequence into a new one, and CPython builds them faster from a list than from a generator, so the list is not
# wasted (pylint's consider-using-generator flags the tuple case anyway).
def version(text):
    parts = text.split('.', 1)
    return tuple([int(p) for p in parts]), ''.join([c.upper() for c in text])
