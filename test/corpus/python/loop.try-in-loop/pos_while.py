def drain(q):
    while q:
        try:
            q.pop().close()
        except OSError as exc:  # expect: loop.try-in-loop
            print(exc)
