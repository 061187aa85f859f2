function Queue() {}

Queue.prototype.push = function (x) {
  this.items.push(x);
};
