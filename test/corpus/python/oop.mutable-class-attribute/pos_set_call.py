class Seen:
    names = set()  # expect: oop.mutable-class-attribute
