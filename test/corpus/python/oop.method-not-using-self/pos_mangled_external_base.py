# Pattern from the standard library's _strptime.py (TimeRE, a dict subclass): a name-mangled helper never reads self.
# With a base class outside the file most methods might be overrides, but a `__private` name is mangled with the class
# name, so no base can define it: the method is judged like any other.
class Patterns(dict):
    def __init__(self, seps):
        super().__init__()
        self.seps = seps

    def __to_regex(self, words, name):  # expect: oop.method-not-using-self
        words = sorted(words, key=len, reverse=True)
        return f"(?P<{name}>{'|'.join(words)})"

    def build(self, words):
        return self.__to_regex(words, self.seps)
