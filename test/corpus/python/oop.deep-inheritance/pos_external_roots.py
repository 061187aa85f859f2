import mixins


class A(mixins.One, mixins.Two):
    pass


class B(A, mixins.Three):
    pass


class C(B, mixins.Four):
    pass


class D(C, mixins.Five):  # expect: oop.deep-inheritance
    pass
