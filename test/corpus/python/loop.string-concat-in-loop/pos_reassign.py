def csv_line(values):
    line = ""
    for v in values:
        line = line + str(v) + ","  # expect: loop.string-concat-in-loop
    return line
