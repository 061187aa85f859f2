// Mutable containers declared on the class and shared by every instance.
export class Registry {
  static handlers: Array<() => void> = []; // expect: oop.mutable-class-attribute
  register(h: () => void) {
    Registry.handlers.push(h);
  }
}
