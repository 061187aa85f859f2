class Connection:
    socket = None

    def connect(self):
        self.socket = object()
