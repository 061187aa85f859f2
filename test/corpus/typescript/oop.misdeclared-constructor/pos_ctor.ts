export type Ctor = {
  constructor(name: string): Ctor; // expect: oop.misdeclared-constructor
};
