// No parent method with that name.
export class Standalone {
  fly() {
    throw new Error('nope');
  }
}
