function Queue() {}
Queue.prototype.items = []; // expect: oop.mutable-class-attribute
Queue.prototype.push = function (x) {
  this.items.push(x);
};

class Pool {
  static free = []; // expect: oop.mutable-class-attribute
  take() {
    return Pool.free.pop();
  }
}

function Safe() {
  this.items = [];
}
Safe.prototype.size = 0;
Safe.prototype.name = 'safe';

class Instance {
  items = [];
}

module.exports = { Queue, Pool, Safe, Instance };
