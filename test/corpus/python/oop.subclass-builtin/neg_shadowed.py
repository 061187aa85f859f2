from mylib import dict


class Config(dict):
    pass
