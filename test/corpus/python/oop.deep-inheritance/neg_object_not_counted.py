class A(object):
    pass


class B(A):
    pass


class C(B):
    pass
