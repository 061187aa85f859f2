class Registry:
    handlers: dict[str, object] = {}  # expect: oop.mutable-class-attribute
