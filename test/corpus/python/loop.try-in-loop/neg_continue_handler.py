# Pattern from pip/_internal/metadata/importlib/_envs.py: a bad entry is logged and skipped with `continue`; the
# remaining statements process the good ones. The handler steers the loop, so it must stay inside.
def names(dists, log):
    found = []
    for dist in dists:
        try:
            name = dist.read_name()
        except ValueError as e:
            log(e)
            continue
        found.append(name.lower())
    return found
