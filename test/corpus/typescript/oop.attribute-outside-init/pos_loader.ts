export class Loader {
  constructor(private url: string) {}
  async load() {
    // @ts-expect-error -- created here, so the object's shape depends on call order
    this.data = await fetch(this.url); // expect: oop.attribute-outside-init
  }
}
