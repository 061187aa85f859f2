export function hoisted(lines: string[]) {
  const re = /\berror\b/i;
  return lines.filter((l) => re.test(l));
}
