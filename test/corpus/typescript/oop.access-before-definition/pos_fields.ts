export class Fields {
  total = this.base + 1; // expect: oop.access-before-definition
  base = 10;
}
