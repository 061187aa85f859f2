export class Fields {
  base = 10;
  total = this.base + 1;
}
