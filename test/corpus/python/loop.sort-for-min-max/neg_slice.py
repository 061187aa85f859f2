def top3(scores):
    return sorted(scores)[-3:]
