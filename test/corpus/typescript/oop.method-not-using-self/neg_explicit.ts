// Methods that use the instance, override, or are stubs/protocol members.
class Base {
  describe(): string {
    return 'base';
  }
  hook(): void {}
}

export class Explicit extends Base {
  override describe() {
    return 'explicit';
  }
}
