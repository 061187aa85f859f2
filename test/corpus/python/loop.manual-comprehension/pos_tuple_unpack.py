def doubles():
    result, _ = [], None
    for i in range(10):
        result.append(i * 2)  # expect: loop.manual-comprehension
    return result
