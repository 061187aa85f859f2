// Calls that look repetitive but are not batchable, or are already batched.
declare const list: HTMLElement;
declare function makeRow(text: string): HTMLElement;
declare const logger: { info(msg: string): void };

// A single call is not a batch.
export function single(out: string[]) {
  out.push('x');
}
