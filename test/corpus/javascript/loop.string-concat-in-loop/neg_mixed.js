function mixed(xs) {
  let out = [];
  for (const x of xs) out += x;
  return out;
}
