class Node {}

class Num extends Node {}

class Add extends Node {}

class Mul extends Node {}

class Neg extends Node {}

function evaluate(n) {
  if (n instanceof Num) { // expect: oop.type-switch
    return n.value;
  } else if (n instanceof Add) {
    return evaluate(n.left) + evaluate(n.right);
  } else if (n instanceof Mul) {
    return evaluate(n.left) * evaluate(n.right);
  } else if (n instanceof Neg) {
    return -evaluate(n.arg);
  }
  throw new Error('unknown node');
}
