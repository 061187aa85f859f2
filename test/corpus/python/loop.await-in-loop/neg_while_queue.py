async def worker(queue, handle):
    while True:
        job = await queue.get()
        await handle(job)
        queue.task_done()
