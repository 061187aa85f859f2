class CacheMixin:
    def warm(self):
        if self.cache_ready:
            return
        self.cache_ready = True
