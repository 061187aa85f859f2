def save(fh, lines, log):
    for line in lines:
        fh.write(line)
        log.debug("wrote %s", line)
