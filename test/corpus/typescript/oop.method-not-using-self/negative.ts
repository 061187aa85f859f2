// Methods that use the instance, override, or are stubs/protocol members.
class Base {
  describe(): string {
    return 'base';
  }
  hook(): void {}
}

export class Child extends Base {
  describe() {
    return 'child';
  }
  hook() {
    console.log('hooked');
  }
}

export class Explicit extends Base {
  override describe() {
    return 'explicit';
  }
}

interface Shape {
  area(): number;
}
export class Unit implements Shape {
  area() {
    return 1;
  }
}

export class Statics {
  static parse(s: string) {
    return Number(s);
  }
  private n = 0;
  inc() {
    this.n++;
  }
}

export abstract class Template {
  abstract step(): void;
  run() {
    this.step();
  }
}

// Stubs meant to be overridden.
export class Hooks {
  onStart(): void {}
  onStop(): void {
    throw new Error('not implemented');
  }
  private state = 0;
  bump() {
    this.state++;
  }
}

// Uses this through a nested arrow function.
export class Deferred {
  private value = 1;
  later() {
    return () => this.value;
  }
}

// Uses super.
export class Supered extends Base {
  extra() {
    return super.describe() + '!';
  }
}

// Constructor and accessors.
export class Plain {
  constructor() {
    console.log('made');
  }
  private x = 1;
  get y() {
    return this.x;
  }
}
