class Plain:
    def __init__(self):
        super().__init__()
        self.x = 1
