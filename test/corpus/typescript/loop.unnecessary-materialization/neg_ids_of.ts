// Copies that are needed.
interface User { id: number; admin: boolean }

// Mapping then reusing the array.
export function idsOf(users: User[]) {
  const ids = users.map((u) => u.id);
  return ids.includes(1) ? ids : [];
}
