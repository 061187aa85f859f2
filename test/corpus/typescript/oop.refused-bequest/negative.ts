// Throwing overrides of abstract or stub parents, and validating overrides.
abstract class Shape {
  abstract area(): number;
  name() {
    return 'shape';
  }
}
export class Bad extends Shape {
  area(): number {
    throw new Error('not implemented');
  }
}

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

// No parent method with that name.
export class Standalone {
  fly() {
    throw new Error('nope');
  }
}

// Parent outside the file.
declare class External {
  go(): void;
}
export class Mine extends External {
  go(): void {
    throw new Error('unsupported');
  }
}
