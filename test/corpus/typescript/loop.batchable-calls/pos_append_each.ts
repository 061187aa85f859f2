// One call per item where the API takes several items at once.
declare const list: HTMLElement;
declare const rows: string[];
declare function makeRow(text: string): HTMLElement;

export function appendEach(parent: Element, nodes: Node[]) {
  nodes.forEach((node) => {
    parent.append(node); // expect: loop.batchable-calls
  });
}
