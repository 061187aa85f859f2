// One call per item where the API takes several items at once.
declare const list: HTMLElement;
declare const rows: string[];
declare function makeRow(text: string): HTMLElement;

export function prepend(queue: number[]) {
  queue.unshift(3); // expect: loop.batchable-calls
  queue.unshift(2);
  queue.unshift(1);
}
