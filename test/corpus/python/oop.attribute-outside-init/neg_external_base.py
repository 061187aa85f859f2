import unittest


class TestX(unittest.TestCase):
    def test_a(self):
        self.value = 1
