def total(orders):
    amount = 0
    for order in orders:  # expect: loop.reimplemented-builtin
        amount += order.price * order.qty
    return amount
