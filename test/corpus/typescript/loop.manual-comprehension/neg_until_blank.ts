// Loops that do more than fill a collection, or fill one that already had content.
interface User { id: number; name: string; active: boolean }
declare function audit(u: User): void;

// Early exit: not a map/filter.
export function untilBlank(lines: string[]) {
  const out: string[] = [];
  for (const line of lines) {
    if (line === '') break;
    out.push(line);
  }
  return out;
}
