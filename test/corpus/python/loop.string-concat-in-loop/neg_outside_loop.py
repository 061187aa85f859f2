def greet(name):
    msg = "Hello, "
    msg += name
    return msg
