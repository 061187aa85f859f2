# Pattern from the standard library's socketserver.py (StreamRequestHandler.setup) and gettext.py
# (GNUTranslations._parse): the parent's __init__ calls a hook on self that the subclass overrides, so the attributes
# the hook sets exist once construction is done.
class Handler:
    def __init__(self, request):
        self.request = request
        self.setup()

    def setup(self):
        pass


class StreamHandler(Handler):
    def setup(self):
        self.connection = self.request
        self.rfile = self.connection.makefile("rb")
