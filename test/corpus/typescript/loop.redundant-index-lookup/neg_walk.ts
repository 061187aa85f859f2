// The object is reassigned in the loop.
export function walk(node: Record<string, any>, path: string[]) {
  for (const key of path) {
    node = node[key];
  }
  return node;
}
