export class Stateful { // expect: oop.god-class
  a = 1;
  b = 2;
  c = 3;
  d = 4;
  private e = 5;
  constructor(private f: number, protected g: number) {
    this.h = 8;
  }
  h: number;
  run() {
    return this.a + this.b + this.c + this.d + this.e + this.f + this.g + this.h;
  }
}
