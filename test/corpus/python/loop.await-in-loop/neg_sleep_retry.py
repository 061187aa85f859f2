import asyncio


async def retry(op, attempts):
    for attempt in range(attempts):
        await asyncio.sleep(2 ** attempt)
    return await op()
