// Pattern from @tanstack/query-core's Subscribable (`protected onSubscribe(): void { // Do nothing }`): an empty
// protected method is a hook that subclasses in other files override; it is not a method that ignores `this`.
export class Subscribable {
  protected listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    this.onSubscribe();
    return () => this.listeners.delete(listener);
  }

  protected onSubscribe(): void {
    // Do nothing
  }
}
