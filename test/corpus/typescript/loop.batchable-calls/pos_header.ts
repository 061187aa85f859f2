// One call per item where the API takes several items at once.
declare const list: HTMLElement;
declare const rows: string[];
declare function makeRow(text: string): HTMLElement;

export function header(out: string[], name: string, version: string) {
  out.push('# ' + name); // expect: loop.batchable-calls
  out.push('');
  out.push('version ' + version);
  return out;
}
