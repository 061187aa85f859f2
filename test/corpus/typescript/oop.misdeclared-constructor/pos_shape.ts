export interface Shape {
  constructor(): void; // expect: oop.misdeclared-constructor
  area(): number;
}
