// Loops that do more than fill a collection, or fill one that already had content.
interface User { id: number; name: string; active: boolean }
declare function audit(u: User): void;

// A while loop draining a queue.
export function drain(queue: number[]) {
  const out: number[] = [];
  while (queue.length) {
    out.push(queue.shift()!);
  }
  return out;
}
