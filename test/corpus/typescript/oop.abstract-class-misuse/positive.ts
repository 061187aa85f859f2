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

export function make() {
  return new Shape(); // expect: oop.abstract-class-misuse
}

export abstract class Helper { // expect: oop.abstract-class-misuse
  format(x: number) {
    return x.toFixed(2);
  }
}

export abstract class Repository<T> {
  abstract find(id: string): T | undefined;
  save(_item: T): void {} // expect: oop.abstract-class-misuse
}
