class Item {
  constructor(name) {
    this.name = name;
  }
  name() { // expect: oop.method-hidden
    return 'item';
  }
}
