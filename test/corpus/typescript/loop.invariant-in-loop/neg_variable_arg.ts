// Argument changes every iteration.
export function variableArg(source: string) {
  let text = source;
  while (text.length > 0) {
    const obj = JSON.parse(text);
    text = obj.next;
  }
}
