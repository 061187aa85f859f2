// Reading instance state before the initialisation assigns it.
export class Counter {
  count: number;
  step: number;
  constructor(step: number) {
    this.count = this.step * 2; // expect: oop.access-before-definition
    this.step = step;
  }
}

export class Fields {
  total = this.base + 1; // expect: oop.access-before-definition
  base = 10;
}

export class Logger {
  private prefix: string;
  constructor(name: string) {
    console.log(this.prefix); // expect: oop.access-before-definition
    this.prefix = `[${name}]`;
  }
}

export class Parsed {
  items: string[];
  constructor(raw: string) {
    if (this.items.length === 0) { // expect: oop.access-before-definition
      console.log('empty');
    }
    this.items = raw.split(',');
  }
}
