function onError(e) {
  if (e instanceof TypeError) return 1;
  if (e instanceof RangeError) return 2;
  if (e instanceof URIError) return 3;
  return 0;
}
