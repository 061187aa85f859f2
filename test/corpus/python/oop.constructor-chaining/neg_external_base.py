import threading


class Worker(threading.Thread):
    def __init__(self):
        self.done = False
