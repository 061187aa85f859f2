class Base:
    async def fetch(self, url):
        return url


class Child(Base):
    def fetch(self, url):  # expect: oop.signature-mismatch
        return url
