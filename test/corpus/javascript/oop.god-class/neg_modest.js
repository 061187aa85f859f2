class Modest {
  constructor() {
    this.a = 1;
    this.b = 2;
    this.c = 3;
    this.a = 4;
    this.b = 5;
    this.c = 6;
    this.d = 7;
  }
  more() {
    this.e = 1;
  }
}
