# Pattern from the standard library's ast.py (_pad_whitespace): one accumulator grown in both branches of an if in
# the same loop is one problem, reported once at its first `+=`.
def pad(source):
    result = ''
    for c in source:
        if c in '\f\t':
            result += c  # expect: loop.string-concat-in-loop
        else:
            result += ' '
    return result
