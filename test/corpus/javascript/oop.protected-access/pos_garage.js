class Engine {
  constructor() {
    this._rpm = 0;
  }
  _spin() {
    this._rpm += 100;
  }
}

class Garage {
  service(engine) {
    return engine._rpm; // expect: oop.protected-access
  }
}