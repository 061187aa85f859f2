class Item {
  constructor(name) {
    this.name = name;
  }
  name() { // expect: oop.method-hidden
    return 'item';
  }
}

class Bound {
  constructor() {
    this.handleClick = this.handleClick.bind(this);
  }
  handleClick() {
    return this;
  }
}

module.exports = { Item, Bound };
