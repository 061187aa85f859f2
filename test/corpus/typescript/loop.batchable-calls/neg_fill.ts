// Calls that look repetitive but are not batchable, or are already batched.
declare const list: HTMLElement;
declare function makeRow(text: string): HTMLElement;
declare const logger: { info(msg: string): void };

// Map.set has no batch form.
export function fill(map: Map<string, number>) {
  map.set('a', 1);
  map.set('b', 2);
}
