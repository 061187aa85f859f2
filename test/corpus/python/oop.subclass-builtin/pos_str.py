class Name(str):  # expect: oop.subclass-builtin
    pass
