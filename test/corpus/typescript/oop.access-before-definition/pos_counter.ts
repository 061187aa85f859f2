// Reading instance state before the initialisation assigns it.
export class Counter {
  count: number;
  step: number;
  constructor(step: number) {
    this.count = this.step * 2; // expect: oop.access-before-definition
    this.step = step;
  }
}
