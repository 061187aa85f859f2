// Access from inside the class hierarchy, or of names that are not protected.
export class Account {
  protected _balance = 0;
  equals(other: Account) {
    return this._balance === other._balance;
  }
  static merge(a: Account, b: Account) {
    const c = new Account();
    c._balance = a._balance + b._balance;
    return c;
  }
}

export class Savings extends Account {
  add(n: number) {
    this._balance += n;
  }
  copyFrom(other: Savings) {
    this._balance = other._balance;
  }
}

// lodash, dunder-style, and data keys are not protected members.
declare const _: { map<T>(xs: T[], f: (x: T) => T): T[] };
export function useLodash(xs: number[]) {
  return _.map(xs, (x) => x + 1);
}

declare const doc: { _id: string; name: string };
export function id() {
  return doc._id;
}

export function esModule(m: { __esModule?: boolean }) {
  return m.__esModule;
}

// Private field access on the same class.
export class Box {
  #v = 1;
  same(o: Box) {
    return this.#v === o.#v;
  }
}
