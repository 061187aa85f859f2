# Pattern from pyparsing's ParseResults (values() built from self.keys()) and the standard library's mailbox.py
# (Mailbox.clear iterating self.keys()): the class defines its own keys() and iteration (a Mailbox iterates messages),
# so `self.keys()` is the class's protocol, not a redundant dict view.
class Results:
    def __init__(self):
        self._tokdict = {}
        self._toklist = []

    def __iter__(self):
        return iter(self._toklist)

    def keys(self):
        return iter(self._tokdict)

    def __getitem__(self, k):
        return self._tokdict[k]

    def values(self):
        return (self[k] for k in self.keys())
