import logging


class Handler(logging.Handler):
    def emit(self, *args, **kwargs):  # expect: oop.useless-super-delegation
        return super().emit(*args, **kwargs)
