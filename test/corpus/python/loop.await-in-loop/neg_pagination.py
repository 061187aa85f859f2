async def all_pages(api):
    token = None
    results = []
    for _ in range(100):
        page = await api.list(page_token=token)
        results.extend(page.items)
        token = page.next_token
    return results
