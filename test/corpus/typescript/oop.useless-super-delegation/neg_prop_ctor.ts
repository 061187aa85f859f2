export class PropCtor {
  constructor(readonly id: string) {}
}

// Decorated parameter (dependency injection).
declare function Inject(token: string): ParameterDecorator;
