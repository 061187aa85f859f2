// Classes with instance members, inheritance or decorators.
export class Point {
  static origin() {
    return new Point(0, 0);
  }
  constructor(public x: number, public y: number) {}
}

export class NotFound extends Error {}

declare function Injectable(): ClassDecorator;
@Injectable()
export class Service {}

export class WithField {
  value = 1;
}

export class WithMethod {
  run() {
    return 1;
  }
  static make() {
    return new WithMethod();
  }
}

// Parameter properties are instance state.
export class Holder {
  constructor(private readonly value: string) {}
}

export class Impl implements Iterable<number> {
  *[Symbol.iterator]() {
    yield 1;
  }
}
