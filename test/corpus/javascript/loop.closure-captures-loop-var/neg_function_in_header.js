function header(l) {
  for (var i = 0, show = function () { return i; }; i < l; i++) {
    console.log(i);
  }
  return show;
}
module.exports = { header };
