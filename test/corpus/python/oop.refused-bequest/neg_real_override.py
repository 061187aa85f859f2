class Bird:
    def fly(self):
        return "flap"


class Eagle(Bird):
    def fly(self):
        if self.tired:
            raise NotImplementedError
        return "soar"
