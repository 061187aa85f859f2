from shapes import Circle, Square, Triangle


def area(shape):
    match shape:  # expect: oop.type-switch
        case Circle(r=r):
            return 3.14 * r * r
        case Square(side=s):
            return s * s
        case Triangle(b=b, h=h):
            return b * h / 2
