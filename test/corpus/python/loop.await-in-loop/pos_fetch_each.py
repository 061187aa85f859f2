import aiohttp


async def fetch_all(session: aiohttp.ClientSession, urls):
    pages = []
    for url in urls:
        resp = await session.get(url)  # expect: loop.await-in-loop
        pages.append(resp)
    return pages
