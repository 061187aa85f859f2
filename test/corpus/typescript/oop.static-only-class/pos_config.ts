export class Config { // expect: oop.static-only-class
  static url = 'https://example.invalid';
  static retries = 3;
}
