// A throw-only body is a "not implemented" stub.
export class Hooks {
  onStop(): void {
    throw new Error('not implemented');
  }
  private state = 0;
  bump() {
    this.state++;
  }
}
