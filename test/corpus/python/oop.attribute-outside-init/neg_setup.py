class Fixture:
    def setUp(self):
        self.db = {}

    def test(self):
        self.db = {"a": 1}
