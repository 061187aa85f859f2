from collections import UserDict


class Config(UserDict):
    pass
