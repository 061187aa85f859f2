export class AsConst {
  static levels = ['debug', 'info'] as const;
}
