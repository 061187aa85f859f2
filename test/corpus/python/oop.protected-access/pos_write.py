def reset(conn):
    conn._retries = 0  # expect: oop.protected-access
