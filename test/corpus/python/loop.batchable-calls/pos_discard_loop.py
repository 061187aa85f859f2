def prune(active: set, finished):
    for job in finished:
        active.discard(job)  # expect: loop.batchable-calls
