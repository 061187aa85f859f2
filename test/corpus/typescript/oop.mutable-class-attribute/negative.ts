// Per-instance fields and immutable class-level data.
export class Cart {
  items: string[] = [];
  totals = new Map<string, number>();
  options = { verbose: false };
}

export class Constants {
  static readonly NAMES = ['a', 'b'];
  static readonly LIMIT = 10;
  static name2 = 'x';
  static frozen = Object.freeze({ a: 1 });
  static readonly TABLE = new Map([['a', 1]]);
}

export class Private {
  static #registry: string[] = [];
  private static cache = new Map<string, number>();
  static add(x: string) {
    Private.#registry.push(x);
    Private.cache.set(x, 1);
  }
}

export function Legacy() {}
Legacy.prototype.greet = function () {
  return 'hi';
};
Legacy.prototype.count = 0;

export class AsConst {
  static levels = ['debug', 'info'] as const;
}
