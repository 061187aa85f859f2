// Calls that look repetitive but are not batchable, or are already batched.
declare const list: HTMLElement;
declare function makeRow(text: string): HTMLElement;
declare const logger: { info(msg: string): void };

// Building one fragment first, then appending once.
export function fragment(rows: string[]) {
  const frag = document.createDocumentFragment();
  for (const text of rows) {
    frag.appendChild(makeRow(text));
  }
  list.appendChild(frag);
}
