// An attribute with the same name as a method shadows the method.
export class Button {
  constructor(label: string) {
    (this as any).label = label;
  }
  label() { // expect: oop.method-hidden
    return 'button';
  }
}

export class Handler {
  handle = (x: number) => x * 2;
  // @ts-expect-error -- duplicate member, kept to show the shadowing
  handle(x: number) { // expect: oop.method-hidden
    return x;
  }
}

export class Stream {
  open() {
    // @ts-expect-error -- assigning over the method
    this.close = true;
  }
  close() { // expect: oop.method-hidden
    return false;
  }
}
