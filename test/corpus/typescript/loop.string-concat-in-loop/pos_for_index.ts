export function forIndex(parts: string[]) {
  let result = String();
  for (let i = 0; i < parts.length; i++) { // expect: loop.manual-index
    result += parts[i]; // expect: loop.string-concat-in-loop
  }
  return result;
}
