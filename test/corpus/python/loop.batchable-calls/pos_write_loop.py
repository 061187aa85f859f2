def save(path, lines):
    with open(path, "w") as fh:
        for line in lines:
            fh.write(line)  # expect: loop.batchable-calls
