// Unrelated classes with methods of the same name.
export class A {
  run(x: number) {
    return x;
  }
}
