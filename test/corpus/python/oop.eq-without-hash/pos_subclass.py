class Base:
    def __hash__(self):
        return 1


class Money(Base):  # expect: oop.eq-without-hash
    def __eq__(self, other):
        return True
