import re

NUM = re.compile(r"\d+")


def matches(lines):
    return [line for line in lines if NUM.search(line)]
