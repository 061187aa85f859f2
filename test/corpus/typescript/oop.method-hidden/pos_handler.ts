export class Handler {
  handle = (x: number) => x * 2;
  // @ts-expect-error -- duplicate member, kept to show the shadowing
  handle(x: number) { // expect: oop.method-hidden
    return x;
  }
}
