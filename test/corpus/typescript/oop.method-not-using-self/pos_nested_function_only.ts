// The only `this` is inside a nested ordinary function: it is that function's receiver, not the instance.
export class Widget {
  private id = 1;
  attach(el: { onclick: unknown }) { // expect: oop.method-not-using-self
    el.onclick = function (this: unknown) {
      return this;
    };
  }
  get ident() {
    return this.id;
  }
}
