# Pattern from the standard library's inspect.py (_ParameterKind.__new__) and pstats.py (SortKey.__new__): an enum
# builds its member with a builtin's allocator, `int.__new__(cls, value)`, and sets the member's `_value_`; that is the
# class's own instance.
import enum


class Kind(int, enum.Enum):
    def __new__(cls, description):
        value = len(cls.__members__)
        member = int.__new__(cls, value)
        member._value_ = value
        member.description = description
        return member

    A = "first"
    B = "second"
