function dump(obj) {
  for (var key in obj) {
    if (Object.prototype.hasOwnProperty.call(obj, key)) {
      console.log(key, obj[key]); // expect: loop.redundant-index-lookup
    }
  }
}
