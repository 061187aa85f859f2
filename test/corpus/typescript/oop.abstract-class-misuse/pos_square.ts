// Abstract classes used wrongly.
export abstract class Shape {
  abstract area(): number;
  abstract perimeter(): number;
  describe() {
    return `area ${this.area()}`;
  }
}

export class Square extends Shape { // expect: oop.abstract-class-misuse
  constructor(private side: number) {
    super();
  }
  area() {
    return this.side ** 2;
  }
}
