def attach(orders, customers):
    by_id = {c.id: c for c in customers}
    for order in orders:
        order.customer = by_id[order.customer_id]
