// `this` in a nested ordinary function is not the instance, but this method reads it directly too.
export class Widget {
  private id = 1;
  attach(el: { onclick: unknown }) {
    const self = this.id;
    el.onclick = function (this: unknown) {
      return [this, self];
    };
  }
}
