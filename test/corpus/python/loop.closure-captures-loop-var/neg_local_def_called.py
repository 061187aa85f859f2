def report(items):
    for item in items:
        def fmt():
            return f"{item.name}: {item.value}"
        print(fmt())
