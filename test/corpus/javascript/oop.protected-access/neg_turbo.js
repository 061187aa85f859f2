class Engine {
  constructor() {
    this._rpm = 0;
  }
  _spin() {
    this._rpm += 100;
  }
}

class Turbo extends Engine {
  boost() {
    this._spin();
    return this._rpm;
  }
}
