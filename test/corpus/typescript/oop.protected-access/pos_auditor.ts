// Reaching into another object's protected or private-by-convention members.
export class Account {
  protected balance = 0;
  private _history: number[] = [];
  _audit() {
    return this._history.length;
  }
}

export class Auditor {
  check(a: Account) {
    return a._audit() > 0; // expect: oop.protected-access
  }
}

declare const server: { _handle: { close(): void } };
