export function perIteration(rows: string[][]) {
  for (const row of rows) {
    let line = '';
    line += row[0];
    console.log(line);
  }
}
