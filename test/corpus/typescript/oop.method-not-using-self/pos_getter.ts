export class Config {
  private store = new Map<string, string>();
  get defaultLocale() { // expect: oop.method-not-using-self
    return 'en-US';
  }
  read(key: string) {
    return this.store.get(key);
  }
}
