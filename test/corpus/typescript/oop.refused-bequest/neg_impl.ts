class Base {
  run(): void {
    throw new Error('subclass must implement');
  }
  save(x: number) {
    return x;
  }
}

export class Impl extends Base {
  run(): void {
    throw new Error('still not supported here');
  }
  // Validates then delegates: not a refusal.
  save(x: number) {
    if (x < 0) throw new RangeError('negative');
    return super.save(x);
  }
}
