class Shape:
    pass


class Circle(Shape):
    pass


class Square(Shape):
    pass


class Triangle(Shape):
    pass


def area(shape):
    if isinstance(shape, Circle):  # expect: oop.type-switch
        return 3.14
    elif isinstance(shape, Square):
        return 1.0
    elif isinstance(shape, Triangle):
        return 0.5
    return 0
