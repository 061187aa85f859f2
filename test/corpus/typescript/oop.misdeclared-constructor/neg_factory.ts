// Construct signatures for factories and real constructors.
export interface Point {
  x: number;
}

export type Factory = new () => Point;
