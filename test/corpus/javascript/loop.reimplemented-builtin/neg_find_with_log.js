function findWithLog(xs) {
  for (const x of xs) {
    console.log(x);
    if (x < 0) return x;
  }
}
