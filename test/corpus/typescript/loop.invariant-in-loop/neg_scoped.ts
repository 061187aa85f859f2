// DOM query scoped to the element of this iteration.
export function scoped(rows: HTMLElement[]) {
  for (const row of rows) {
    row.querySelector('.cell')?.classList.add('x');
  }
}
