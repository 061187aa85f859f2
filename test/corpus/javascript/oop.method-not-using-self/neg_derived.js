class Base {
  label() {
    return 'base';
  }
}

class Derived extends Base {
  label() {
    return 'derived';
  }
}
