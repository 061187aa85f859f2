// Construct signatures for factories and real constructors.
export interface Point {
  x: number;
}
export interface PointConstructor {
  new (x: number, y: number): Point;
}

export class Vector {
  constructor(public x = 0) {}
  clone() {
    return new Vector(this.x);
  }
}

// A method named `new` that is not a constructor substitute.
export class Api {
  new(): void {}
}

declare class Legacy {
  new(): void;
}

export type Factory = new () => Point;
