// Uses this through a nested arrow function.
export class Deferred {
  private value = 1;
  later() {
    return () => this.value;
  }
}
