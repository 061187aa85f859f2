def attach(orders, customers):
    for order in orders:
        order.customer = next(c for c in customers if c.id == order.customer_id)  # expect: loop.nested-linear-search
