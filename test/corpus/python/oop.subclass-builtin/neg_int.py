class Port(int):
    pass
