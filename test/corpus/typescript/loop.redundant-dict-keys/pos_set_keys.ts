export function setKeys(seen: Set<string>) {
  for (const s of seen.keys()) { // expect: loop.redundant-dict-keys
    console.log(s);
  }
}
