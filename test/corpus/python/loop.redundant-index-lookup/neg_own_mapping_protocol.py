# Pattern from pyparsing's ParseResults.values()/items(): a class implementing the mapping protocol builds items()
# from self.keys() and self[k]; there is no lower-level items() to hand the value over.
class Results:
    def __init__(self):
        self._tokdict = {}

    def __getitem__(self, k):
        return self._tokdict[k][-1]

    def keys(self):
        return iter(self._tokdict)

    def items(self):
        return ((k, self[k]) for k in self.keys())
