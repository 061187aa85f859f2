// Construct signatures for factories and real constructors.
export interface Point {
  x: number;
}

export interface PointConstructor {
  new (x: number, y: number): Point;
}
