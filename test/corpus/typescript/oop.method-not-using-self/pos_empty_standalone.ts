// An empty method in a class nobody extends and that implements nothing: not a stub of any protocol.
export class Hooks {
  onStart(): void {} // expect: oop.method-not-using-self
  private state = 0;
  bump() {
    this.state++;
  }
}
