function inPlace(pairs) {
  return pairs.reduce((obj, [k, v]) => {
    obj[k] = v;
    return obj;
  }, {});
}
