export function counterPlusEquals(lines: string[]) {
  let lineNo = 0; // expect: loop.manual-index
  for (const line of lines) {
    lineNo += 1;
    console.log(`${lineNo}: ${line}`);
  }
}
