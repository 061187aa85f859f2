export class Private {
  static #registry: string[] = [];
  private static cache = new Map<string, number>();
  static add(x: string) {
    Private.#registry.push(x);
    Private.cache.set(x, 1);
  }
}
