// Classes that do too little to justify a class.
export class Greeter { // expect: oop.lazy-class
  greet(name: string) {
    return `Hello, ${name}`;
  }
}
