// Copies that are needed.
interface User { id: number; admin: boolean }

// The filtered array is used for more than its length.
export function admins(users: User[]) {
  const a = users.filter((u) => u.admin);
  console.log(a.length);
  return a;
}
