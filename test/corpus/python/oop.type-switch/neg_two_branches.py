class A:
    pass


class B(A):
    pass


class C(A):
    pass


def f(x):
    if isinstance(x, B):
        return 1
    elif isinstance(x, C):
        return 2
