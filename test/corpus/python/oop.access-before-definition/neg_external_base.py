import threading


class Worker(threading.Thread):
    def __init__(self):
        print(self.name)
        self.name = "worker"
