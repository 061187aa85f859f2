// Calls that look repetitive but are not batchable, or are already batched.
declare const list: HTMLElement;
declare function makeRow(text: string): HTMLElement;
declare const logger: { info(msg: string): void };

// Different receivers.
export function two(left: number[], right: number[]) {
  left.push(1);
  right.push(2);
}
