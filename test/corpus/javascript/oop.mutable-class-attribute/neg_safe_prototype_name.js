function Safe() {
  this.items = [];
}

Safe.prototype.name = 'safe';
