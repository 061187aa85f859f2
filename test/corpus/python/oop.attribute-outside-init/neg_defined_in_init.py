class Connection:
    def __init__(self, host):
        self.host = host
        self.socket = None

    def connect(self):
        self.socket = object()
