// Correct uses of abstract classes.
export abstract class Shape {
  abstract area(): number;
  describe() {
    return `area ${this.area()}`;
  }
}

export class Circle extends Shape {
  constructor(private r: number) {
    super();
  }
  area() {
    return Math.PI * this.r ** 2;
  }
}

export function make() {
  return new Circle(1);
}
