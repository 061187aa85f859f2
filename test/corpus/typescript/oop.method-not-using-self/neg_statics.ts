export class Statics {
  static parse(s: string) {
    return Number(s);
  }
  private n = 0;
  inc() {
    this.n++;
  }
}
