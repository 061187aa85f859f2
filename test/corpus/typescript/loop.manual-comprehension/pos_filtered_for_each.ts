// Loops whose only job is to fill a new collection.
interface User { id: number; name: string; active: boolean }

export function filteredForEach(words: string[]) {
  const long: string[] = [];
  words.forEach(function (w) {
    if (w.length > 5) long.push(w); // expect: loop.manual-comprehension
  });
  return long;
}
