class Node {}

class Num extends Node {}

class Add extends Node {}

class Mul extends Node {}

function byName(n) {
  switch (n.constructor.name) { // expect: oop.type-switch
    case 'Num':
      return 'number';
    case 'Add':
      return 'sum';
    case 'Mul':
      return 'product';
  }
}
