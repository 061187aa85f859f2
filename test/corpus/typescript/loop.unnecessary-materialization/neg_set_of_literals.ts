export const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
export function merged(a: number[], b: number[]) {
  return new Set([...a, ...b]);
}
