import asyncio


async def fetch_all(session, urls):
    return await asyncio.gather(*(session.get(u) for u in urls))
