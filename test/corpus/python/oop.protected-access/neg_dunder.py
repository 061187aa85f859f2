def name_of(obj):
    return obj.__class__.__name__
