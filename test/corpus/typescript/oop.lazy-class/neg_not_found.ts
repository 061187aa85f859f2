// Error subclasses are classes by necessity.
export class NotFound extends Error {}

// Decorated classes are framework components.
declare function Component(o: object): ClassDecorator;
