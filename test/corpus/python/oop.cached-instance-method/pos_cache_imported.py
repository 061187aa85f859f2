from functools import cache


class Graph:
    @cache  # expect: oop.cached-instance-method
    def neighbours(self, node):
        return [node]
