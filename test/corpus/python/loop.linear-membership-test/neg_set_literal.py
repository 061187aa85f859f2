def is_weekend(day):
    return day in {"sat", "sun"}
