export function keysForEach(table: Record<string, string>) {
  Object.keys(table).forEach((key) => {
    console.log(key + '=' + table[key]); // expect: loop.redundant-index-lookup
  });
}
