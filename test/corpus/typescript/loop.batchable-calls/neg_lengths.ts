// Calls that look repetitive but are not batchable, or are already batched.
declare const list: HTMLElement;
declare function makeRow(text: string): HTMLElement;
declare const logger: { info(msg: string): void };

// A push whose result (the new length) is used.
export function lengths(out: number[]) {
  const a = out.push(1);
  const b = out.push(2);
  return a + b;
}
