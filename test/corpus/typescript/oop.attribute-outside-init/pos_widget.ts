export class Widget {
  render() {
    // @ts-expect-error -- not declared
    this.element = document.createElement('div'); // expect: oop.attribute-outside-init
  }
}
