// Setter with backing field.
export class Temp {
  private _c = 0;
  set celsius(v: number) {
    this._c = v;
  }
  get celsius() {
    return this._c;
  }
}
