export abstract class Repository<T> {
  abstract find(id: string): T | undefined;
  save(_item: T): void {} // expect: oop.abstract-class-misuse
}
