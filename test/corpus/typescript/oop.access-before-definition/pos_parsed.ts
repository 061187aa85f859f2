export class Parsed {
  items: string[];
  constructor(raw: string) {
    if (this.items.length === 0) { // expect: oop.access-before-definition
      console.log('empty');
    }
    this.items = raw.split(',');
  }
}
