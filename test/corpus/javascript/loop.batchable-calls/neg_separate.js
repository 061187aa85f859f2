function separate(a, b) {
  a.push(1);
  b.push(2);
}
