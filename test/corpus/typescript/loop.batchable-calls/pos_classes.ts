// One call per item where the API takes several items at once.
declare const list: HTMLElement;
declare const rows: string[];
declare function makeRow(text: string): HTMLElement;

export function classes(el: HTMLElement) {
  el.classList.add('active'); // expect: loop.batchable-calls
  el.classList.add('visible');
}
