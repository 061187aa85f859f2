export class Getter {
  private x = 1;
  constructor() {
    console.log(this.doubled);
  }
  get doubled() {
    return this.x * 2;
  }
}
