// Deep clone per item, on purpose.
export function clones(template: string, n: number) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(JSON.parse(template));
  return out;
}
