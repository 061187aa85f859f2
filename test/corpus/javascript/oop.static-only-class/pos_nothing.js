class Nothing {} // expect: oop.static-only-class
