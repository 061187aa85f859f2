// Subclass assigning an attribute the parent declares.
export class Base {
  protected state = 'idle';
}

export class Derived extends Base {
  start() {
    this.state = 'running';
  }
}
