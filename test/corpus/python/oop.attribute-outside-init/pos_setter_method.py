class Connection:
    def __init__(self, host):
        self.host = host

    def connect(self):
        self.socket = object()  # expect: oop.attribute-outside-init
