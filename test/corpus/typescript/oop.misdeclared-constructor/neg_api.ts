// A method named `new` that is not a constructor substitute.
export class Api {
  new(): void {}
}
