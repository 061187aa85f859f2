def index_by_id(users):
    by_id = {}
    for user in users:
        by_id[user.id] = user  # expect: loop.manual-comprehension
    return by_id
