// The guarded branch calls super(…) and returns; on the other path `this` is used before super(…).
export class Early extends Event {
  constructor(type, fast) {
    if (fast) {
      super(type);
      return;
    }
    this.slow = true; // expect: oop.constructor-chaining
    super(type);
  }
}
