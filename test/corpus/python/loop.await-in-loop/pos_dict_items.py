async def upload(store, blobs):
    for key, blob in blobs.items():
        await store.put_object(key, blob)  # expect: loop.await-in-loop
