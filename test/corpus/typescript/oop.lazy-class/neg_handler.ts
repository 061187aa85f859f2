// Decorated classes are framework components.
declare function Component(o: object): ClassDecorator;

// Abstract base.
export abstract class Handler {
  abstract handle(x: string): void;
}
