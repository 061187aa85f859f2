export class Adder { // expect: oop.lazy-class
  add(a: number, b: number) {
    return a + b;
  }
  private check(n: number) {
    return Number.isFinite(n);
  }
}
