import functools


@functools.lru_cache(maxsize=None)
def price(sku):
    return len(sku)
