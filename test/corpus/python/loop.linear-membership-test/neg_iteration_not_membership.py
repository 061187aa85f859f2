def show():
    for code in [200, 201, 204]:
        print(code)
