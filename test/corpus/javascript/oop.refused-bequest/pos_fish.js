class Animal {
  speak() {
    return '...';
  }
}

class Fish extends Animal {
  speak() { // expect: oop.refused-bequest
    throw new Error('Fish cannot speak');
  }
}
