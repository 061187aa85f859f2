def render(rows):
    html = ""
    for row in rows:
        html += "<li>" + row + "</li>"  # expect: loop.string-concat-in-loop
    return html
