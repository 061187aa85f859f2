class CountingArray extends Array { // expect: oop.subclass-builtin
  push(...xs) {
    this.pushes = (this.pushes || 0) + xs.length;
    return super.push(...xs);
  }
}
