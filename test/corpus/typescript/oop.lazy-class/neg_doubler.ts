// Implements an interface (strategy object).
interface Strategy {
  apply(x: number): number;
}

export class Doubler implements Strategy {
  apply(x: number) {
    return x * 2;
  }
}

// Decorated classes are framework components.
declare function Component(o: object): ClassDecorator;
