// One call per item where the API takes several items at once.
declare const list: HTMLElement;
declare const rows: string[];
declare function makeRow(text: string): HTMLElement;

export function render() {
  for (const text of rows) {
    list.appendChild(makeRow(text)); // expect: loop.batchable-calls
  }
}
