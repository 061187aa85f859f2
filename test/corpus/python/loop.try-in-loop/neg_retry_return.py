# A retry loop: the try is the whole body, but success returns and a failure tries again, so a try around the loop
# would drop the retries (ruff's PERF203 still flags this shape).
import time


def fetch(op, attempts=3):
    for attempt in range(attempts):
        try:
            return op()
        except OSError:
            time.sleep(2 ** attempt)
    raise TimeoutError("gave up")
