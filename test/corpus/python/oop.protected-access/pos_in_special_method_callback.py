# Pattern from pyOpenSSL's SSL.py (_VerifyHelper.__init__): a callback defined inside __init__ reaches into another
# class's protected factory. Special methods are exempt only for their other operand (`other._x` in `__eq__`).
class Cert:
    @classmethod
    def _from_raw(cls, ptr):
        obj = cls.__new__(cls)
        obj.ptr = ptr
        return obj


class VerifyHelper:
    def __init__(self, callback):
        def wrapper(ptr):
            cert = Cert._from_raw(ptr)  # expect: oop.protected-access
            return callback(cert)

        self.callback = wrapper
