async def load_users(db, ids):
    users = {}
    for user_id in ids:
        row = await db.fetch_user(user_id)  # expect: loop.await-in-loop
        users[user_id] = row
    return users
