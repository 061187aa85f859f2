// Methods that use the instance, override, or are stubs/protocol members.
class Base {
  describe(): string {
    return 'base';
  }
  hook(): void {}
}

export class Child extends Base {
  describe() {
    return 'child';
  }
  hook() {
    console.log('hooked');
  }
}
