// Loops whose only job is to fill a new collection.
interface User { id: number; name: string; active: boolean }

export function copy(src: number[]) {
  const dst: number[] = [];
  for (let i = 0; i < src.length; i++) { // expect: loop.manual-index
    dst.push(src[i]!); // expect: loop.manual-comprehension
  }
  return dst;
}
