def header(rows):
    lines = []
    lines.append("name,size")
    for row in rows:
        lines.append(row.name)
        print(row)
    return lines
