from collections import defaultdict


class Index:
    by_key = defaultdict(list)  # expect: oop.mutable-class-attribute
