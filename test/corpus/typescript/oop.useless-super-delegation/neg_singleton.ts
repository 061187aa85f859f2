export class Singleton {
  private constructor() {}
  static instance = new Singleton();
}

// Decorated parameter (dependency injection).
declare function Inject(token: string): ParameterDecorator;
