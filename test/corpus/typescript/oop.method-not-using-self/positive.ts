// Instance methods that never touch the instance.
export class Formatter {
  private locale = 'en';
  money(amount: number) { // expect: oop.method-not-using-self
    return `$${amount.toFixed(2)}`;
  }
  date(d: Date) {
    return d.toLocaleDateString(this.locale);
  }
}

export class Parser {
  constructor(private text: string) {}
  tokens() {
    return this.text.split(' ');
  }
  isDigit(ch: string) { // expect: oop.method-not-using-self
    return ch >= '0' && ch <= '9';
  }
  async fetchRemote(url: string) { // expect: oop.method-not-using-self
    const res = await fetch(url);
    return res.text();
  }
}

export class Arrowy {
  private n = 1;
  double = (x: number) => x * 2; // expect: oop.method-not-using-self
  get value() {
    return this.n;
  }
}
