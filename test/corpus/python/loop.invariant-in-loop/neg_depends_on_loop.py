import re


def compile_all(patterns):
    return [re.compile(p) for p in patterns]
