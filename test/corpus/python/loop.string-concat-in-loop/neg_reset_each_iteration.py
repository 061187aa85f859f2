def lines(rows):
    out = []
    for row in rows:
        line = ""
        line += row.name
        line += ":"
        out.append(line)
    return out
