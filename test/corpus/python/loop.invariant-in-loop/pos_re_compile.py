import re


def matches(lines):
    out = []
    for line in lines:
        pattern = re.compile(r"\d+")  # expect: loop.invariant-in-loop
        if pattern.search(line):
            out.append(line)
    return out
