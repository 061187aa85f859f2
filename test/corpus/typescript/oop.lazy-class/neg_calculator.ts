export class Calculator {
  add(a: number, b: number) {
    return a + b;
  }
  sub(a: number, b: number) {
    return a - b;
  }
}

// Decorated classes are framework components.
declare function Component(o: object): ClassDecorator;
