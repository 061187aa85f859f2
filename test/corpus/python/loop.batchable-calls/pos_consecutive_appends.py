def header(rows):
    lines = []
    lines.append("name,size")  # expect: loop.batchable-calls
    lines.append("----,----")
    lines.append(f"{len(rows)} rows")
    return lines
