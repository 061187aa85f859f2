# Pattern from the standard library's bdb.py (Bdb.reset): state first created in a method that __init__ never calls,
# so an instance's shape depends on whether reset() ran. Reported once, at the first assignment.
class Debugger:
    def __init__(self, skip=None):
        self.skip = skip

    def reset(self):
        self.botframe = None  # expect: oop.attribute-outside-init

    def run(self):
        self.botframe = object()
