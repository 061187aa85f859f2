class A:
    pass


class B(A):
    pass


class C(B):
    pass


class D(C):
    pass


class E(D):
    pass


class F(E):
    pass


class G(F):
    pass


class H(G):
    pass


class I(H):  # expect: oop.deep-inheritance
    pass
