class Job:
    def __init__(self):
        self.state = "new"

    def run(self):
        print(self.state)
        self.state = "running"
