def read_all(sock):
    data = b""
    while True:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk  # expect: loop.string-concat-in-loop
    return data
