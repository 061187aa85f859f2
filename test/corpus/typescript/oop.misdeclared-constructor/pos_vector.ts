export class Vector {
  x = 0;
  new(): Vector { // expect: oop.misdeclared-constructor
    return new Vector();
  }
}
