export function cachedLength(rows: string[][]) {
  for (let r = 0, n = rows.length; r < n; r += 1) { // expect: loop.manual-index
    console.log(rows[r]!.join(','));
  }
}
