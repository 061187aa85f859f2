def bump(counts):
    for key in counts:
        counts[key] += 1
