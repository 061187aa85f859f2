class Headers(dict[str, str]):  # expect: oop.subclass-builtin
    pass
