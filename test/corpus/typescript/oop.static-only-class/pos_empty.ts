export class Empty {} // expect: oop.static-only-class
