// Subclass constructors that break the chain to the parent.
class Animal {
  constructor(public name: string) {}
}

export class Dog extends Animal {
  constructor(name: string) { // expect: oop.constructor-chaining
    console.log('woof');
  }
}

export class Cat extends Animal {
  constructor(name: string) {
    this.purr(); // expect: oop.constructor-chaining
    super(name);
  }
  purr() {}
}

export class Lonely {
  constructor() {
    super(); // expect: oop.constructor-chaining
  }
}

export class Conditional extends Animal {
  constructor(name: string, ok: boolean) { // expect: oop.constructor-chaining
    if (ok) {
      super(name);
    }
  }
}

export class ThisInArgs extends Animal {
  prefix = 'x';
  constructor(name: string) {
    super(this.prefix + name); // expect: oop.constructor-chaining
  }
}

export class SuperMemberFirst extends Animal {
  constructor(name: string) {
    super.toString(); // expect: oop.constructor-chaining
    super(name);
  }
}
