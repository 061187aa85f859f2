class Kitchen { // expect: oop.god-class
  constructor() {
    this.a = 1;
    this.b = 2;
    this.c = 3;
    this.d = 4;
    this.e = 5;
    this.f = 6;
    this.g = 7;
    this.h = 8;
  }
}
