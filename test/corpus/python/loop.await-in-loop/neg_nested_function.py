async def schedule(loop_items, spawn):
    for item in loop_items:
        async def run(it=item):
            await it.start()
        spawn(run)
