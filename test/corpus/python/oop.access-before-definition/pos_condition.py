class Conn:
    def __init__(self, host):
        if self.connected:  # expect: oop.access-before-definition
            return
        self.connected = False
        self.host = host
