// typeof checks on primitives.
export function prim(v: unknown) {
  if (typeof v === 'string') return 1;
  if (typeof v === 'number') return 2;
  if (typeof v === 'boolean') return 3;
  return 0;
}
