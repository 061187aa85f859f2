# Patterns from the standard library's bdb.py (`arg[0] in (StopIteration, GeneratorExit)`) and typing.py
# (`cls in (Generic, Protocol)`): exception classes and classes the file defines are hashable, so the tuple is a
# constant set written as a tuple.
class Generic:
    pass


class Protocol(Generic):
    pass


def stops(exc_type):
    return exc_type in (StopIteration, GeneratorExit)  # expect: loop.linear-membership-test


def special(cls):
    return cls in (Generic, Protocol)  # expect: loop.linear-membership-test
