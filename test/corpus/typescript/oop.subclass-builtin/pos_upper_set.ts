export class UpperSet extends Set<string> { // expect: oop.subclass-builtin
  add(value: string) {
    return super.add(value.toUpperCase());
  }
}
