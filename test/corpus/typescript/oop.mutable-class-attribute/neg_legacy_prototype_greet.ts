export function Legacy() {}

Legacy.prototype.greet = function () {
  return 'hi';
};
