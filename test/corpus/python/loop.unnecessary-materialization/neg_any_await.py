async def any_ready(jobs):
    return any([await j.ready() for j in jobs])
