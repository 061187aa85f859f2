// Copies that are needed.
interface User { id: number; admin: boolean }

// A NodeList / arguments-like object converted to use array methods.
export function texts(nodes: NodeListOf<Element>) {
  return Array.from(nodes).map((n) => n.textContent);
}
