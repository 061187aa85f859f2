def render(rows):
    return "".join(f"<li>{r}</li>" for r in rows)
