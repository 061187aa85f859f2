class Handler:
    def handle(self, event):
        return event


class LoudHandler(Handler):
    def handle(self, event):
        return str(event).upper()

    def shout(self):
        return "!"
