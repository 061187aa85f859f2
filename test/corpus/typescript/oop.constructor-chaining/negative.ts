// Correct chaining.
class Animal {
  constructor(public name: string) {}
}

export class Dog extends Animal {
  constructor(name: string) {
    super(name);
    console.log(this.name);
  }
}

// No constructor: the default one chains.
export class Cat extends Animal {}

export class Plain {
  constructor() {
    console.log('no parent');
  }
}

// Work before super() that does not touch this.
export class Validated extends Animal {
  constructor(name: string) {
    if (!name) throw new Error('name required');
    const clean = name.trim();
    super(clean);
  }
}

// Both branches call super.
export class Branches extends Animal {
  constructor(name: string | null) {
    if (name) {
      super(name);
    } else {
      super('anon');
    }
  }
}

// Arrow functions before super that reference this are only called later.
export class Deferred extends Animal {
  constructor(name: string) {
    const later = () => this.name;
    super(name);
    later();
  }
}

// Nested class inside a constructor has its own super.
export class Outer extends Animal {
  constructor() {
    super('o');
    class Inner extends Animal {
      constructor() {
        super('i');
      }
    }
    new Inner();
  }
}

// Throwing constructor never completes.
export class Forbidden extends Animal {
  constructor() {
    throw new Error('use create()');
  }
}
