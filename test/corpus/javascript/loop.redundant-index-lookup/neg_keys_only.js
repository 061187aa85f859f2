function keysOnly(obj) {
  for (var key in obj) console.log(key);
}
