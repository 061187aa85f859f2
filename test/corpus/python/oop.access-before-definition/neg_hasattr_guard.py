class Lazy:
    def value(self):
        if not hasattr(self, "_cache"):
            self._cache = 42
        return self._cache
