// Subclass specialising one method.
class Base {
  run() {
    return 1;
  }
  stop() {}
}

export class Fast extends Base {
  run() {
    return 2;
  }
}

// Decorated classes are framework components.
declare function Component(o: object): ClassDecorator;
