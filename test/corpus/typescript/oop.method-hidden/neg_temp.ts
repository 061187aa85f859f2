// Getter/setter pair with backing field.
export class Temp {
  private _value = 0;
  get value() {
    return this._value;
  }
  set value(v: number) {
    this._value = v;
  }
}
