# Pattern from pip's vendored urllib3 (Retry.DEFAULT_ALLOWED_METHODS) and the standard library's ipaddress.py
# (_HEX_DIGITS): a frozenset class constant is immutable, so sharing it between instances is harmless.
class Retry:
    DEFAULT_ALLOWED_METHODS = frozenset(["HEAD", "GET", "PUT", "DELETE"])
    HEX_DIGITS = frozenset('0123456789ABCDEFabcdef')

    def __init__(self, total=3):
        self.total = total
