function Safe() {
  this.items = [];
}

Safe.prototype.size = 0;
