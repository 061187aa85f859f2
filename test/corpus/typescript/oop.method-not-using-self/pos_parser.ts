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
