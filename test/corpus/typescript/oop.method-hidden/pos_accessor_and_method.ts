export class Temperature {
  private c = 0;
  get celsius() {
    return this.c;
  }
  // @ts-expect-error -- duplicate identifier, kept to show the collision
  celsius() { // expect: oop.method-hidden
    return this.c;
  }
}
