# Pattern from pip/_internal/vcs/git.py: each line is split inside a try whose handler re-raises with context; any
# failure ends the whole loop, so one try around the loop does the same with the handler set up once.
def parse_refs(lines):
    refs = {}
    for line in lines:
        line = line.strip()
        try:
            sha, name = line.split(" ", maxsplit=2)
        except ValueError:  # expect: loop.try-in-loop
            raise ValueError(f"unexpected line: {line!r}")
        refs[name] = sha
    return refs
