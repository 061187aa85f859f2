from functools import lru_cache


class Geo:
    @lru_cache(maxsize=128)  # expect: oop.cached-instance-method
    def lookup(self, ip):
        return ip
