class Slugger { // expect: oop.lazy-class
  slug(s) {
    return s.toLowerCase();
  }
}
