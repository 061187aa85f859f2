// A guarded branch that calls super(…) and returns early, and a main path that calls it later (shape of undici's
// MessageEvent): every path calls super exactly once.
const kConstruct = Symbol('construct');

export class MessageEvent extends Event {
  constructor(type, init = {}) {
    if (type === kConstruct) {
      super(init.type, init);
      this.trusted = true;
      return;
    }
    type = String(type);
    super(type, init);
    this.trusted = false;
  }
}
