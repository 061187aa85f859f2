// Constructors declared in the wrong place or under the wrong name.
export interface Point {
  new (x: number, y: number): Point; // expect: oop.misdeclared-constructor
  x: number;
}
