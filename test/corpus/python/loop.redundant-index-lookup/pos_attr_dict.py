class Registry:
    def dump(self):
        for name, handler in self.handlers.items():
            print(name, self.handlers[name])  # expect: loop.redundant-index-lookup
