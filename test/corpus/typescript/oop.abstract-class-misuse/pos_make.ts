// Abstract classes used wrongly.
export abstract class Shape {
  abstract area(): number;
  abstract perimeter(): number;
  describe() {
    return `area ${this.area()}`;
  }
}

export function make() {
  return new Shape(); // expect: oop.abstract-class-misuse
}
