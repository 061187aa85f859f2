import json


def replay(events):
    buf = "{}"
    for e in events:
        state = json.loads(buf)
        buf = e.apply(state)
