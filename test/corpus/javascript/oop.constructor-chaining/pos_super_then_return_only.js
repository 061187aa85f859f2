// The guarded branch calls super(…) and returns, but the main path never does.
export class Half extends Event {
  constructor(type, fast) { // expect: oop.constructor-chaining
    if (fast) {
      super(type);
      return;
    }
    this.type2 = type;
  }
}
