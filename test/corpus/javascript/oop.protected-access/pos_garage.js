class Garage {
  service(engine) {
    return engine._rpm; // expect: oop.protected-access
  }
}
