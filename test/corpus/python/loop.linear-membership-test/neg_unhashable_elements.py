def known(shape):
    return shape in [[1, 2], [3, 4]]
