// Classes that do too much.
export class Everything { // expect: oop.god-class
  m1() {}
  m2() {}
  m3() {}
  m4() {}
  m5() {}
  m6() {}
  m7() {}
  m8() {}
  m9() {}
  m10() {}
  m11() {}
  m12() {}
  m13() {}
  m14() {}
  m15() {}
  m16() {}
  m17() {}
  m18() {}
  m19() {}
  m20() {}
  m21() {}
}

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
