class A:
    def __init__(self):
        self.a = 1


class B:
    def __init__(self):
        self.b = 2


class C(A):
    def __init__(self):
        B.__init__(self)  # expect: oop.constructor-chaining
