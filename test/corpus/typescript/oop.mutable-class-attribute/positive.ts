// Mutable containers declared on the class and shared by every instance.
export class Registry {
  static handlers: Array<() => void> = []; // expect: oop.mutable-class-attribute
  register(h: () => void) {
    Registry.handlers.push(h);
  }
}

export class Cache {
  static entries = new Map<string, string>(); // expect: oop.mutable-class-attribute
  get(k: string) {
    return Cache.entries.get(k);
  }
}

export class Defaults {
  static options = { verbose: false }; // expect: oop.mutable-class-attribute
}

export function Legacy(this: { items: string[] }) {
  this.items.push('x');
}
Legacy.prototype.items = []; // expect: oop.mutable-class-attribute
