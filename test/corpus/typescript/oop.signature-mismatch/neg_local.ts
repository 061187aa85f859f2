// Compatible overrides.
class Store {
  get(key: string, fallback?: string): string | undefined {
    return key ?? fallback;
  }
  save(item: string): void {
    console.log(item);
  }
  async flush(): Promise<void> {}
  handle(...args: unknown[]): void {
    console.log(args);
  }
}

export class Local extends Store {
  // Ignoring an optional parameter is fine.
  get(key: string): string | undefined {
    return key;
  }
  // Extra optional parameter is fine.
  save(item: string, verbose = false): void {
    if (verbose) console.log(item);
  }
  // A sync method returning a promise is compatible with an async parent.
  flush(): Promise<void> {
    return Promise.resolve();
  }
  handle(a: unknown): void {
    console.log(a);
  }
}
