export class Stream {
  open() {
    // @ts-expect-error -- assigning over the method
    this.close = true;
  }
  close() { // expect: oop.method-hidden
    return false;
  }
}
