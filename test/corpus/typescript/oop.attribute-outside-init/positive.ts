// Instance attributes first created outside the constructor.
export class Session {
  user: string;
  constructor(user: string) {
    this.user = user;
  }
  login() {
    (this as any).token = 'abc'; // expect: oop.attribute-outside-init
  }
}

export class Loader {
  constructor(private url: string) {}
  async load() {
    // @ts-expect-error -- created here, so the object's shape depends on call order
    this.data = await fetch(this.url); // expect: oop.attribute-outside-init
  }
}

export class Widget {
  render() {
    // @ts-expect-error -- not declared
    this.element = document.createElement('div'); // expect: oop.attribute-outside-init
  }
}
