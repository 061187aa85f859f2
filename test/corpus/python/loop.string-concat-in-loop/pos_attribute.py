class Builder:
    def add_all(self, parts):
        for p in parts:
            self.text += f"[{p}]"  # expect: loop.string-concat-in-loop
