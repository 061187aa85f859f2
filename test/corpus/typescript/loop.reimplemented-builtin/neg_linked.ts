// Loops that do more than the built-in would.
interface User { id: number; admin: boolean; age: number }
declare function log(u: User): void;

// Loops over something that is not an array (a linked list / iterator protocol).
export function linked(head: { value: number; next: any } | null) {
  for (let n = head; n; n = n.next) {
    if (n.value === 0) return true;
  }
  return false;
}
