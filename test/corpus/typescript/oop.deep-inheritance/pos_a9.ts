// A class with more than seven ancestors.
class A0 {}

class A1 extends A0 {}

class A2 extends A1 {}

class A3 extends A2 {}

class A4 extends A3 {}

class A5 extends A4 {}

class A6 extends A5 {}

class A7 extends A6 {}

export class A8 extends A7 {} // expect: oop.deep-inheritance

export class A9 extends A8 {} // expect: oop.deep-inheritance
