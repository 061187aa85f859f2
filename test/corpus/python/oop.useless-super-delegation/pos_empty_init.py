class Plain:
    def __init__(self):  # expect: oop.useless-super-delegation
        pass

    def run(self):
        return 1
