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

declare const doc: { _id: string; name: string };
