def merge(a, b):
    for i in range(len(a)):
        print(b[i])
