function tamper(engine) {
  engine._spin(); // expect: oop.protected-access
  engine._rpm = 9000; // expect: oop.protected-access
}
