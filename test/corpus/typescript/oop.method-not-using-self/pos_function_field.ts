export class Fields {
  private n = 1;
  label = function (x: number) { // expect: oop.method-not-using-self
    return String(x);
  };
  get value() {
    return this.n;
  }
}
