export class Counter {
  private n = 0;
  next() {
    return ++this.n;
  }
}

// Decorated classes are framework components.
declare function Component(o: object): ClassDecorator;
