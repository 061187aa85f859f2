// Calls that look repetitive but are not batchable, or are already batched.
declare const list: HTMLElement;
declare function makeRow(text: string): HTMLElement;
declare const logger: { info(msg: string): void };

// Appending to a node created inside the loop (the outer append is per item, though).
export function nested(rows: string[][]) {
  for (const cells of rows) {
    const tr = document.createElement('tr');
    tr.append(...cells);
    list.appendChild(tr); // expect: loop.batchable-calls
  }
}
