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
