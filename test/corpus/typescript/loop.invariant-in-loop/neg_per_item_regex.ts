// Work that depends on the iteration, or is cheap, or is hoisted already.
export function perItemRegex(patterns: string[], text: string) {
  return patterns.filter((p) => new RegExp(p).test(text));
}
