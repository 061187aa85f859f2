def area(shape):
    if shape.kind == "circle":  # expect: oop.type-switch
        return 3.14 * shape.r ** 2
    elif shape.kind == "square":
        return shape.side ** 2
    elif shape.kind == "triangle":
        return shape.b * shape.h / 2
