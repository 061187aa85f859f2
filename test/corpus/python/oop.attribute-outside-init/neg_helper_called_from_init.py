class Parser:
    def __init__(self, text):
        self.text = text
        self._reset()

    def _reset(self):
        self.pos = 0
        self.tokens = []
