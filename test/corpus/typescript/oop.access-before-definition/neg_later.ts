// A method reading the field later is fine.
export class Later {
  items: string[];
  constructor() {
    this.items = [];
  }
  first() {
    return this.items[0];
  }
}
