def tags(posts):
    s = set()
    for p in posts:
        s.add(p.tag)
    return s
