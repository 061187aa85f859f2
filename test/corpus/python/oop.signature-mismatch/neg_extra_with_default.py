class Base:
    def run(self, job):
        return job


class Child(Base):
    def run(self, job, retries=3):
        return job, retries
