// Classes used as namespaces.
export class MathUtils { // expect: oop.static-only-class
  static clamp(x: number, lo: number, hi: number) {
    return Math.min(hi, Math.max(lo, x));
  }
  static readonly EPS = 1e-9;
}
