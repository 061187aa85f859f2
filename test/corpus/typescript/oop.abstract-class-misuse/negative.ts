// Correct uses of abstract classes.
export abstract class Shape {
  abstract area(): number;
  describe() {
    return `area ${this.area()}`;
  }
}

export class Circle extends Shape {
  constructor(private r: number) {
    super();
  }
  area() {
    return Math.PI * this.r ** 2;
  }
}

// Abstract subclass may leave abstract methods for its own subclasses.
export abstract class Polygon extends Shape {
  abstract sides(): number;
}

export class Triangle extends Polygon {
  area() {
    return 1;
  }
  sides() {
    return 3;
  }
}

export function make() {
  return new Circle(1);
}

// Abstract property implemented by a field.
export abstract class Named {
  abstract readonly name: string;
  greet() {
    return `hi ${this.name}`;
  }
}

export class Alice extends Named {
  readonly name = 'alice';
}

// Implemented through a getter.
export class Bob extends Named {
  get name() {
    return 'bob';
  }
}

// Empty hook in a concrete class is fine.
export class Plugin {
  onLoad(): void {}
}

// Abstract method implemented by an intermediate concrete parent.
export abstract class Base {
  abstract run(): void;
}
export class Middle extends Base {
  run() {
    console.log('run');
  }
}
export class Leaf extends Middle {}

// Subclass of an external abstract class: we cannot see its abstract members.
declare abstract class External {
  abstract go(): void;
}
export class UsesExternal extends External {
  go() {}
}
