# A try that guards one step of a longer loop body and lets the loop go on: wrapping the loop would stop at the first
# error, so per-iteration handling is the point (ruff's PERF203 agrees: it flags only a try that is the whole body).
def show(n):
    i = 0
    while i < n:
        try:
            print(f"{i}")
        except OSError:
            print("error")
        i += 1
