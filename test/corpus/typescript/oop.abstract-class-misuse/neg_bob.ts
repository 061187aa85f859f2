// Abstract property implemented by a field.
export abstract class Named {
  abstract readonly name: string;
  greet() {
    return `hi ${this.name}`;
  }
}

// Implemented through a getter.
export class Bob extends Named {
  get name() {
    return 'bob';
  }
}
