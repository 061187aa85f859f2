class Base:
    def handle(self, event, context):
        return event, context


class Child(Base):
    def handle(self, event, _context):
        return event
