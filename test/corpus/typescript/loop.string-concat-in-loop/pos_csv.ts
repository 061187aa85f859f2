// Strings grown with += inside a loop.
export function csv(rows: string[][]) {
  let out = '';
  for (const row of rows) {
    out += row.join(',') + '\n'; // expect: loop.string-concat-in-loop
  }
  return out;
}
