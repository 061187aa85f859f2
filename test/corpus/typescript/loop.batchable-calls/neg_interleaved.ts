// Calls that look repetitive but are not batchable, or are already batched.
declare const list: HTMLElement;
declare function makeRow(text: string): HTMLElement;
declare const logger: { info(msg: string): void };

// Something happens between the pushes that depends on the first one.
export function interleaved(stack: number[]) {
  stack.push(1);
  console.log(stack.length);
  stack.push(2);
}
