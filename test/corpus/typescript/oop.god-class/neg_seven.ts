export class Seven {
  a = 1;
  b = 2;
  c = 3;
  d = 4;
  e = 5;
  static shared = 6;
  static other = 7;
  constructor(private f: number, g: number) {
    this.a = g;
    this.h = f;
  }
  h: number;
  sum() {
    return this.a + this.b + this.c + this.d + this.e + this.f + this.h;
  }
}
