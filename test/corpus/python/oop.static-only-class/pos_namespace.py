class StringUtils:  # expect: oop.static-only-class
    @staticmethod
    def shout(s):
        return s.upper()

    @staticmethod
    def whisper(s):
        return s.lower()
