class Bag extends Map {
  total() {
    let n = 0;
    for (const v of this.values()) n += v;
    return n;
  }
}
