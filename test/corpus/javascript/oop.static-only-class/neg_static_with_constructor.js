// Statics next to a constructor: a class meant to be instantiated (unicorn and typescript-eslint agree).
class Pool {
  static create() {
    return new Pool();
  }
  constructor() {
    console.log('pool');
  }
}
module.exports = { Pool };
