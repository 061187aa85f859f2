// Attributes declared as fields or created in the constructor, then reassigned elsewhere.
export class Session {
  token: string | undefined;
  user: string;
  constructor(user: string) {
    this.user = user;
  }
  login() {
    this.token = 'abc';
    this.user = this.user.trim();
  }
}

export class Loader {
  private data?: Response;
  constructor(private url: string) {}
  async load() {
    this.data = await fetch(this.url);
  }
  clear() {
    this.data = undefined;
  }
}

// Setter with backing field.
export class Temp {
  private _c = 0;
  set celsius(v: number) {
    this._c = v;
  }
  get celsius() {
    return this._c;
  }
}

// Static method assigning a static attribute.
export class Registry {
  static items: string[] = [];
  static reset() {
    this.items = [];
  }
}

// Subclass assigning an attribute the parent declares.
export class Base {
  protected state = 'idle';
}
export class Derived extends Base {
  start() {
    this.state = 'running';
  }
}

// Assignment in a constructor arrow callback still belongs to construction.
export class Timer {
  handle: ReturnType<typeof setTimeout> | null = null;
  constructor() {
    this.reset = () => {
      this.handle = null;
    };
  }
  reset: () => void;
}

// Assignment to another object's attribute.
export class Copier {
  copy(target: { value?: number }) {
    target.value = 1;
  }
}

// Accessor keyword field.
export class Acc {
  accessor count = 0;
  bump() {
    this.count = this.count + 1;
  }
}
