async def consume(stream, sink):
    async for chunk in stream:
        await sink.handle(chunk)
