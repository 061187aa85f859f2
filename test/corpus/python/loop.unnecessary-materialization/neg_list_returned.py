def names(rows):
    return [r.name for r in rows]
