import unittest


class TestMath(unittest.TestCase):
    def test_addition(self):  # expect: oop.method-not-using-self
        assert 1 + 1 == 2
