async def first_alive(hosts, probe):
    for host in hosts:
        if await probe(host):
            return host
    return None
