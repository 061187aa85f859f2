def status(exc):
    if isinstance(exc, KeyError):
        return 404
    elif isinstance(exc, PermissionError):
        return 403
    elif isinstance(exc, ValueError):
        return 400
    return 500
