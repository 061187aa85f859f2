import asyncio


async def process(items, handler):
    for item in items:
        if item.enabled:
            await handler.process(item)  # expect: loop.await-in-loop
