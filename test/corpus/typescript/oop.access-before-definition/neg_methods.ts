export class Methods {
  value: number;
  constructor() {
    this.value = this.compute();
  }
  compute() {
    return 1;
  }
}
