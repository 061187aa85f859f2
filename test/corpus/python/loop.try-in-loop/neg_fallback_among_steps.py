# Pattern from pylint/checkers/similar.py (Debian's pylint 2.16): an IndexError fallback computes a default for one
# value, then the loop body goes on. Per-item handling, not a hoistable try.
def limits(lines, window):
    out = []
    for i in range(len(lines)):
        start = lines[i]
        try:
            end = lines[i + window]
        except IndexError:
            end = lines[-1] + 1
        out.append((start, end))
    return out
