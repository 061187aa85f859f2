declare function Injectable(): ClassDecorator;

export class Impl implements Iterable<number> {
  *[Symbol.iterator]() {
    yield 1;
  }
}
