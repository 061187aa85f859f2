// Copies that are needed.
interface User { id: number; admin: boolean }

// Filter then index other than 0.
export function second(users: User[]) {
  return users.filter((u) => u.admin)[1];
}
