export function parsePerItem(rows: string[]) {
  return rows.map((r) => JSON.parse(r));
}
