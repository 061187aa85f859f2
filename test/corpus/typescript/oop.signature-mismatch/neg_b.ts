export class B {
  run(x: number, y: number) {
    return x + y;
  }
}
