export class Cache {
  static entries = new Map<string, string>(); // expect: oop.mutable-class-attribute
  get(k: string) {
    return Cache.entries.get(k);
  }
}
