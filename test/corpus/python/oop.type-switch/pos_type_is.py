class Animal:
    pass


class Dog(Animal):
    pass


class Cat(Animal):
    pass


class Cow(Animal):
    pass


def sound(a):
    if type(a) is Dog:  # expect: oop.type-switch
        return "woof"
    elif type(a) is Cat:
        return "meow"
    elif type(a) is Cow:
        return "moo"
