async def sizes(client, names):
    return [await client.size(name) for name in names]  # expect: loop.await-in-loop
