// Pattern from @azure/msal-common's CacheManager (`private matchTokenType`): the class implements an interface, so
// its public methods may be dictated by it, but a private helper can never implement an interface member.
interface TokenStore {
  has(key: string): boolean;
}

export class MemoryStore implements TokenStore {
  private readonly keys = new Set<string>();

  has(key: string): boolean {
    return this.keys.has(this.normalise(key));
  }

  private normalise(key: string): string { // expect: oop.method-not-using-self
    return key.trim().toLowerCase();
  }
}
