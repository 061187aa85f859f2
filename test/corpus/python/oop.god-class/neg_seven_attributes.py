class Order:
    def __init__(self):
        self.id = 1
        self.customer = None
        self.items = []
        self.total = 0
        self.tax = 0
        self.currency = "EUR"
        self.status = "new"
