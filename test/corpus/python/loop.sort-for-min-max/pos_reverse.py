def newest(files):
    return sorted(files, key=lambda f: f.mtime, reverse=True)[0]  # expect: loop.sort-for-min-max
