import functools


class Report:
    @functools.cached_property
    def total(self):
        return 42
