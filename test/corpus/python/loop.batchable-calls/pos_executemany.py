def insert_all(conn, rows):
    cur = conn.cursor()
    for row in rows:
        cur.execute("INSERT INTO t (a, b) VALUES (?, ?)", row)  # expect: loop.batchable-calls
    conn.commit()
