import json


class Enc(json.JSONEncoder):
    def default(self, o, extra):
        return str(o)
