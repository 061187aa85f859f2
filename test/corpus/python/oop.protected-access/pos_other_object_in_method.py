class Report:
    def __init__(self, source):
        self.source = source

    def rows(self):
        return self.source._rows  # expect: oop.protected-access
