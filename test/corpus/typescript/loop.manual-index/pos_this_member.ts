export function thisMember(this: { items: number[] }) {
  for (let i = 0; i < this.items.length; i++) { // expect: loop.manual-index
    console.log(this.items[i]);
  }
}
