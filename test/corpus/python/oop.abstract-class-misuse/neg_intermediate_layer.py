# Pattern from the standard library's mailbox.py: `_singlefileMailbox(Mailbox)` adds shared machinery but leaves the
# per-format methods to its subclasses (`mbox`, `Babyl`), which implement them; it is never instantiated itself.
class Box:
    def get(self, key):
        raise NotImplementedError

    def add(self, item):
        raise NotImplementedError


class _SingleFileBox(Box):
    def __init__(self, path):
        self.path = path

    def add(self, item):
        return len(self.path)


class TextBox(_SingleFileBox):
    def get(self, key):
        return key
