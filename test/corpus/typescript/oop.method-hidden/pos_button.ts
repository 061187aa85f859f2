// An attribute with the same name as a method shadows the method.
export class Button {
  constructor(label: string) {
    (this as any).label = label;
  }
  label() { // expect: oop.method-hidden
    return 'button';
  }
}
