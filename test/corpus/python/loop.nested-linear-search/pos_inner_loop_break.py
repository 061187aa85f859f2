def join(orders, customers):
    out = []
    for order in orders:
        for c in customers:  # expect: loop.nested-linear-search
            if c.id == order.customer_id:
                out.append((order, c))
                break
    return out
