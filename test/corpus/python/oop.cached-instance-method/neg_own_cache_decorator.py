def cache(fn):
    return fn


class Graph:
    @cache
    def neighbours(self, node):
        return [node]
