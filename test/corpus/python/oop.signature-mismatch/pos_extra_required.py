class Base:
    def run(self, job):
        return job


class Child(Base):
    def run(self, job, retries):  # expect: oop.signature-mismatch
        return job, retries
