# Pattern from the standard library's ssl.py (SSLSocket._create): an alternate constructor builds the instance with
# cls.__new__ and initialises its protected state; that is the class's own object, not another one.
class Connection:
    def __init__(self):
        raise TypeError("use Connection.create()")

    @classmethod
    def create(cls, sock):
        self = cls.__new__(cls)
        self._sock = sock
        self._closed = False
        return self
