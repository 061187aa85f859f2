class Helpers { // expect: oop.static-only-class
  static slug(s) {
    return s.toLowerCase().replace(/\s+/g, '-');
  }
}
