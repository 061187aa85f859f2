export class Vector {
  constructor(public x = 0) {}
  clone() {
    return new Vector(this.x);
  }
}
