// Classes used as namespaces.
export class MathUtils { // expect: oop.static-only-class
  static clamp(x: number, lo: number, hi: number) {
    return Math.min(hi, Math.max(lo, x));
  }
  static readonly EPS = 1e-9;
}

export class Empty {} // expect: oop.static-only-class

export class OnlyConstructor { // expect: oop.static-only-class
  constructor() {
    console.log('side effect');
  }
}

export class Config { // expect: oop.static-only-class
  static url = 'https://example.invalid';
  static retries = 3;
}
