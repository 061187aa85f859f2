import sys


def dump(lines):
    out = sys.stdout
    for line in lines:
        out.write(line)
