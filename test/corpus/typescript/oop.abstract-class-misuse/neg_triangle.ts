// Correct uses of abstract classes.
export abstract class Shape {
  abstract area(): number;
  describe() {
    return `area ${this.area()}`;
  }
}

// Abstract subclass may leave abstract methods for its own subclasses.
export abstract class Polygon extends Shape {
  abstract sides(): number;
}

export class Triangle extends Polygon {
  area() {
    return 1;
  }
  sides() {
    return 3;
  }
}
