def lines_for(invoices, lines):
    result = {}
    for inv in invoices:
        result[inv.id] = [l for l in lines if l.invoice_id == inv.id]  # expect: loop.nested-linear-search
    return result
