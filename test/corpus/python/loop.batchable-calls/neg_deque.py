from collections import deque


def fill():
    q = deque()
    q.append(1)
    q.append(2)
    return q
