function Queue() {}

Queue.prototype.items = []; // expect: oop.mutable-class-attribute
