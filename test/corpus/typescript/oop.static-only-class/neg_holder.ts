declare function Injectable(): ClassDecorator;

// Parameter properties are instance state.
export class Holder {
  constructor(private readonly value: string) {}
}
