export function once(name: string) {
  let s = 'Hello, ';
  s += name;
  return s;
}
