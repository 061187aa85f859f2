def peek(account):
    return account._balance  # expect: oop.protected-access
