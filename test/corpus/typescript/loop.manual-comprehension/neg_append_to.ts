// Loops that do more than fill a collection, or fill one that already had content.
interface User { id: number; name: string; active: boolean }
declare function audit(u: User): void;

// Pushing into a parameter (appending to caller's list: extend/push(...) semantics differ).
export function appendTo(target: string[], users: User[]) {
  for (const u of users) {
    target.push(u.name);
  }
}
