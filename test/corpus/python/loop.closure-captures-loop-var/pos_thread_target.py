import threading


def start_all(jobs):
    for job in jobs:
        threading.Thread(target=lambda: job.run()).start()  # expect: loop.closure-captures-loop-var
