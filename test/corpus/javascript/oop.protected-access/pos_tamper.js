class Engine {
  constructor() {
    this._rpm = 0;
  }
  _spin() {
    this._rpm += 100;
  }
}

function tamper(engine) {
  engine._spin(); // expect: oop.protected-access
  engine._rpm = 9000; // expect: oop.protected-access
}