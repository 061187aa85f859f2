class Job:
    def __init__(self):
        self.name = "job"

    def start(self):
        self.started = True  # expect: oop.attribute-outside-init

    def finish(self):
        self.result = 42  # expect: oop.attribute-outside-init
