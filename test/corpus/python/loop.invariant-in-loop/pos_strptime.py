from datetime import datetime


def stamp(rows):
    for row in rows:
        row.epoch = datetime.strptime("2020-01-01", "%Y-%m-%d")  # expect: loop.invariant-in-loop
