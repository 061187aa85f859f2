export function Legacy(this: { items: string[] }) {
  this.items.push('x');
}

Legacy.prototype.items = []; // expect: oop.mutable-class-attribute
