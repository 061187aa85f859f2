class Base {
  constructor() {
    this.state = 'new';
  }
}

class Child extends Base {
  start() {
    this.state = 'started';
  }
}
