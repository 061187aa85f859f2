// Reads after assignment, of fields with initialisers, of methods, or of parent state.
export class Counter {
  count: number;
  step: number;
  constructor(step: number) {
    this.step = step;
    this.count = this.step * 2;
  }
}
