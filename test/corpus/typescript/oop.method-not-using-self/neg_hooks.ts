// Stubs meant to be overridden.
export class Hooks {
  onStart(): void {}
  onStop(): void {
    throw new Error('not implemented');
  }
  private state = 0;
  bump() {
    this.state++;
  }
}
