// Delegations that change something.
class Base {
  constructor(public name: string, public age = 0) {}
  greet(prefix: string) {
    return `${prefix} ${this.name}`;
  }
}

export class Defaults extends Base {
  constructor(name: string) {
    super(name, 18);
  }
}

export class Reordered extends Base {
  constructor(age: number, name: string) {
    super(name, age);
  }
}

export class Extra extends Base {
  greet(prefix: string) {
    console.log('greeting');
    return super.greet(prefix);
  }
}

export class Changed extends Base {
  greet(prefix: string) {
    return super.greet(prefix.toUpperCase());
  }
}

// Visibility changes are meaningful.
export class Hidden extends Base {
  protected constructor(name: string, age: number) {
    super(name, age);
  }
}

export class Singleton {
  private constructor() {}
  static instance = new Singleton();
}

// Parameter properties add state.
export class WithState extends Base {
  constructor(name: string, age: number, private tag: string) {
    super(name, age);
  }
}

export class PropCtor {
  constructor(readonly id: string) {}
}

// Default parameter values differ from the parent's.
export class DefaultArg extends Base {
  greet(prefix = 'Hi') {
    return super.greet(prefix);
  }
}

// Decorated parameter (dependency injection).
declare function Inject(token: string): ParameterDecorator;
export class Injected extends Base {
  constructor(@Inject('NAME') name: string, age: number) {
    super(name, age);
  }
}

// Calls a different parent method.
export class Alias extends Base {
  hello(prefix: string) {
    return super.greet(prefix);
  }
}

// Overload signatures narrow the public type.
export class Narrowed extends Base {
  constructor(name: string, age: number);
  constructor(name: string, age: number) {
    super(name, age);
  }
}
