import json


def apply(rows, raw_config):
    for row in rows:
        config = json.loads(raw_config)  # expect: loop.invariant-in-loop
        row.update(config)
