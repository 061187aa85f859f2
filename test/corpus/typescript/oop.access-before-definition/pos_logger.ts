export class Logger {
  private prefix: string;
  constructor(name: string) {
    console.log(this.prefix); // expect: oop.access-before-definition
    this.prefix = `[${name}]`;
  }
}
