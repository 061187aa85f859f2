// Constructors declared in the wrong place or under the wrong name.
export interface Point {
  new (x: number, y: number): Point; // expect: oop.misdeclared-constructor
  x: number;
}

export interface Shape {
  constructor(): void; // expect: oop.misdeclared-constructor
  area(): number;
}

export class Vector {
  x = 0;
  new(): Vector { // expect: oop.misdeclared-constructor
    return new Vector();
  }
}

export type Ctor = {
  constructor(name: string): Ctor; // expect: oop.misdeclared-constructor
};
