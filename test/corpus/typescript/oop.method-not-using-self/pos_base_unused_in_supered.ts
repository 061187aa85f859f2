// Methods that use the instance, override, or are stubs/protocol members.
class Base {
  describe(): string { // expect: oop.method-not-using-self
    return 'base';
  }
  hook(): void {}
}

// Uses super.
export class Supered extends Base {
  extra() {
    return super.describe() + '!';
  }
}
