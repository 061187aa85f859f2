function parseAll(lines) {
  const out = [];
  for (const line of lines) {
    try {
      out.push(JSON.parse(line));
    } catch (e) { // expect: loop.try-in-loop
      return null;
    }
  }
  return out;
}
