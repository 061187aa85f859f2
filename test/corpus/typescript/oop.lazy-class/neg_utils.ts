// Decorated classes are framework components.
declare function Component(o: object): ClassDecorator;

// Only statics: static-only-class territory, not lazy.
export class Utils {
  static pad(s: string) {
    return s.padStart(2);
  }
}
