// Abstract property implemented by a field.
export abstract class Named {
  abstract readonly name: string;
  greet() {
    return `hi ${this.name}`;
  }
}

export class Alice extends Named {
  readonly name = 'alice';
}
