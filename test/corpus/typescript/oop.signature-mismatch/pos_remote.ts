// Overrides that cannot substitute for the parent method.
class Store {
  get(key: string): string | undefined {
    return key;
  }
  save(item: string): void {
    console.log(item);
  }
  get size(): number {
    return 0;
  }
  load(): string {
    return '';
  }
}

export class Remote extends Store {
  get(key: string, region: string): string | undefined { // expect: oop.signature-mismatch
    return key + region;
  }
  async save(item: string): Promise<void> { // expect: oop.signature-mismatch
    await fetch(item);
  }
  // @ts-expect-error -- a method where the parent has an accessor
  size(): number { // expect: oop.signature-mismatch
    return 1;
  }
  // @ts-expect-error -- an accessor where the parent has a method
  get load(): string { // expect: oop.signature-mismatch
    return 'x';
  }
}
