def register(session, users):
    for user in users:
        session.add(user)
