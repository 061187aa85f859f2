export class Constants {
  static readonly NAMES = ['a', 'b'];
  static readonly LIMIT = 10;
  static name2 = 'x';
  static frozen = Object.freeze({ a: 1 });
  static readonly TABLE = new Map([['a', 1]]);
}
