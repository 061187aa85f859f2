// Reads after assignment, of fields with initialisers, of methods, or of parent state.
export class Counter {
  count: number;
  step: number;
  constructor(step: number) {
    this.step = step;
    this.count = this.step * 2;
  }
}

export class Fields {
  base = 10;
  total = this.base + 1;
}

export class Methods {
  value: number;
  constructor() {
    this.value = this.compute();
  }
  compute() {
    return 1;
  }
}

export class Getter {
  private x = 1;
  constructor() {
    console.log(this.doubled);
  }
  get doubled() {
    return this.x * 2;
  }
}

declare class External {
  protected id: string;
}
export class Child extends External {
  label: string;
  constructor() {
    super();
    this.label = `#${this.id}`;
  }
}

// Parameter properties are assigned before the body runs.
export class Params {
  doubled: number;
  constructor(private readonly n: number) {
    this.doubled = this.n * 2;
  }
}

// A method reading the field later is fine.
export class Later {
  items: string[];
  constructor() {
    this.items = [];
  }
  first() {
    return this.items[0];
  }
}

// Optional field checked before assignment on purpose.
export class Lazy {
  cache?: Map<string, number>;
  constructor() {
    if (!this.cache) this.cache = new Map();
  }
}

// Assigned in both branches before the read.
export class Branches {
  mode: string;
  constructor(debug: boolean) {
    if (debug) {
      this.mode = 'debug';
    } else {
      this.mode = 'release';
    }
    console.log(this.mode);
  }
}
