// Classes that do too little to justify a class.
export class Greeter { // expect: oop.lazy-class
  greet(name: string) {
    return `Hello, ${name}`;
  }
}

export class Adder { // expect: oop.lazy-class
  add(a: number, b: number) {
    return a + b;
  }
  private check(n: number) {
    return Number.isFinite(n);
  }
}
