// A private parameter property read from outside its class.
class Vault {
  constructor(
    private secret: string,
    public label: string,
  ) {}
}

export function peek(v: Vault): string {
  return v.secret; // expect: oop.protected-access
}

export function title(v: Vault): string {
  return v.label;
}
