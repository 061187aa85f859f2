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

function onError(e) {
  if (e instanceof TypeError) return 1;
  if (e instanceof RangeError) return 2;
  if (e instanceof URIError) return 3;
  return 0;
}

function tag(action) {
  switch (action.type) {
    case 'add':
      return 1;
    case 'remove':
      return 2;
    case 'reset':
      return 3;
  }
}

module.exports = { evaluate, byName, onError, tag };
