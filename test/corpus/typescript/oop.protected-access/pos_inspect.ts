// Reaching into another object's protected or private-by-convention members.
export class Account {
  protected balance = 0;
  private _history: number[] = [];
  _audit() {
    return this._history.length;
  }
}

export function inspect(a: Account) {
  console.log(a._audit()); // expect: oop.protected-access
  return (a as any)._history; // expect: oop.protected-access
}

declare const server: { _handle: { close(): void } };
