class Marker:
    pass
