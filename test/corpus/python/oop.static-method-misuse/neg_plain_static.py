class Util:
    @staticmethod
    def parse(text):
        return text
