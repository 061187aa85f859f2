class Converter {
  constructor(rate) {
    this.rate = rate;
  }
  convert(x) {
    return x * this.rate;
  }
  round(x) { // expect: oop.method-not-using-self
    return Math.round(x * 100) / 100;
  }
}
