export function joined(rows: string[][]) {
  const parts: string[] = [];
  for (const row of rows) parts.push(row.join(',')); // expect: loop.manual-comprehension
  return parts.join('\n');
}
