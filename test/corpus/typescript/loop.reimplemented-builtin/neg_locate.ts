// Loops that do more than the built-in would.
interface User { id: number; admin: boolean; age: number }
declare function log(u: User): void;

// Returns the index and the element: findIndex alone would not.
export function locate(users: User[], id: number) {
  for (let i = 0; i < users.length; i++) {
    if (users[i]!.id === id) return { i, user: users[i] };
  }
  return null;
}
