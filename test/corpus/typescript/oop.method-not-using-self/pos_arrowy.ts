export class Arrowy {
  private n = 1;
  double = (x: number) => x * 2; // expect: oop.method-not-using-self
  get value() {
    return this.n;
  }
}
