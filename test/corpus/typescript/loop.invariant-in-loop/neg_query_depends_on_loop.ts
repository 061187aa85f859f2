// The queried document changes in the loop (elements are added with the same id each time).
export function queryDependsOnLoop(ids: string[]) {
  for (const id of ids) {
    document.getElementById(id)?.remove();
  }
}
